import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { dashboardQueries } from "../api/dashboard.queries";

/** Stays on every page, and in print, while fictional records are in the database. */
export function DemoDataBanner() {
  const { t } = useTranslation();
  const { data } = useQuery(dashboardQueries.summary());
  if (!data?.demoData) return null;
  return <Alert className="demo-banner" type="warning" showIcon banner title={t("demo.banner")} role="note" />;
}
