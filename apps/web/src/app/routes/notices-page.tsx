import { Space } from "antd";
import { NoticeQuerySchema } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { NoticeList } from "../../features/notices";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * 督办单: every notice the office issued, open first, red before yellow before blue. The filters
 * live in the address; the office issues new ones here.
 */
export default function NoticesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notices.title"));
  const { query, update } = useUrlQuery(NoticeQuerySchema);
  return (
    <div className="page">
      <PageHeading
        title={t("notices.title")}
        subtitle={t("notices.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/supervision-notices/export" params={query} />
            <PrintButton />
          </Space>
        }
      />
      <div className="panel">
        <NoticeList query={query} onChange={update} label={t("notices.tableLabel")} />
      </div>
    </div>
  );
}
