import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDocumentTitle } from "../../lib/use-document-title";

/** A page the signed-in role may not see, opened by its address. */
export function ForbiddenResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("auth.forbidden.title"));
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t("auth.forbidden.title")}</h1>}
      subTitle={t("auth.forbidden.description")}
      extra={
        <Button type="primary" onClick={() => void navigate("/")}>
          {t("common.backToDashboard")}
        </Button>
      }
    />
  );
}
