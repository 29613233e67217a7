import { Spin } from "antd";
import { useTranslation } from "react-i18next";

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" aria-busy="true">
      <Spin size="large" description={t("app.loadingPage")} />
    </div>
  );
}
