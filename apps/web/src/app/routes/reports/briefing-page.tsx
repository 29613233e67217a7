import { DownloadOutlined } from "@ant-design/icons";
import { IsoDateSchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { PageHeading } from "../../../components/ui/page-heading";
import { PrintButton } from "../../../components/ui/print-button";
import { QueryView } from "../../../components/ui/query-view";
import { BriefingDocument, reportsQueries } from "../../../features/reports";
import { buildApiUrl } from "../../../lib/api-client";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { useDocumentTitle } from "../../../lib/use-document-title";

/**
 * 工作简报 for a day (today unless the address names one): the A4 document on screen, printed as
 * it stands, or downloaded as Word or PDF written by the server.
 */
export default function BriefingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("reports.briefing.title"));
  const [params, setParams] = useSearchParams();
  const windows = useQuery(planWindowsQuery());
  const asked = IsoDateSchema.safeParse(params.get("date"));
  // Without a date in the address: today as the server counts it (this computer's, if it cannot say).
  const date = asked.success
    ? asked.data
    : (windows.data?.today ?? (windows.isError ? dayjs().format("YYYY-MM-DD") : null));
  const briefing = useQuery({ ...reportsQueries.briefing(date ?? ""), enabled: date !== null });
  const file = (extension: "docx" | "pdf") => buildApiUrl(`/reports/briefing.${extension}`, { date });

  return (
    <div className="page">
      <PageHeading
        title={t("reports.briefing.title")}
        subtitle={t("reports.briefing.subtitle")}
        extra={
          <Space wrap className="no-print">
            <BoundedDatePicker
              aria-label={t("reports.briefing.dateLabel")}
              bounds={windows.data?.reportedOn}
              value={date ? dayjs(date) : null}
              allowClear={false}
              onChange={(value) => value && setParams({ date: value.format("YYYY-MM-DD") })}
            />
            <PrintButton />
            <Button icon={<DownloadOutlined />} href={file("docx")} disabled={!date} download>
              {t("reports.briefing.downloadWord")}
            </Button>
            <Button icon={<DownloadOutlined />} href={file("pdf")} disabled={!date} download>
              {t("reports.briefing.downloadPdf")}
            </Button>
          </Space>
        }
      />
      <QueryView query={briefing} skeletonRows={16}>
        {(data) => (
          <div className="report-paper">
            <BriefingDocument briefing={data} />
          </div>
        )}
      </QueryView>
    </div>
  );
}
