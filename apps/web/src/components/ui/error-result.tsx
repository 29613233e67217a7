import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api-error";

type Props = {
  error: unknown;
  onRetry?: () => void;
  /** An inline alert for a panel, instead of a full-width result page. */
  compact?: boolean;
};

export function ErrorResult({ error, onRetry, compact = false }: Props) {
  const { t } = useTranslation();
  const description = t(`errors.${isApiError(error) ? error.code : "UNKNOWN"}`);
  const requestId = isApiError(error) ? error.requestId : null;
  const detail = (
    <>
      {description}
      {requestId && <div className="request-id">{t("common.requestId", { id: requestId })}</div>}
    </>
  );
  const retry = onRetry && (
    <Button icon={<ReloadOutlined />} onClick={onRetry}>
      {t("common.retry")}
    </Button>
  );

  if (compact) {
    return <Alert type="error" showIcon title={t("errors.title")} description={detail} action={retry} />;
  }
  return <Result status="error" title={t("errors.title")} subTitle={detail} extra={retry} />;
}
