import { useTranslation } from "react-i18next";
import { NotFoundResult } from "../../components/ui/not-found-result";
import { useDocumentTitle } from "../../lib/use-document-title";

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <NotFoundResult
      title={t("notFound.title")}
      description={t("notFound.description")}
      backTo="/"
      backLabel={t("common.backToDashboard")}
    />
  );
}
