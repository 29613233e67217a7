import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageHeading } from "../../components/ui/page-heading";
import { ChangePasswordForm, useSessionUser } from "../../features/auth";
import { useDocumentTitle } from "../../lib/use-document-title";

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Read once: the flag clears when the password is saved, and the page then sends the user on.
  const forced = useSessionUser().mustChangePassword;
  useDocumentTitle(t("auth.password.title"));
  return (
    <div className="page">
      <PageHeading title={t("auth.password.title")} subtitle={t("auth.password.subtitle")} />
      {forced && <Alert type="warning" showIcon title={t("auth.password.forced")} className="page-alert" />}
      <div className="panel">
        <ChangePasswordForm onChanged={forced ? () => void navigate("/", { replace: true }) : undefined} />
      </div>
    </div>
  );
}
