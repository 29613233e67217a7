import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/ui/page-heading";
import { ChangePasswordForm } from "../../features/auth";
import { useDocumentTitle } from "../../lib/use-document-title";

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("auth.password.title"));
  return (
    <div className="page">
      <PageHeading title={t("auth.password.title")} subtitle={t("auth.password.subtitle")} />
      <div className="panel">
        <ChangePasswordForm />
      </div>
    </div>
  );
}
