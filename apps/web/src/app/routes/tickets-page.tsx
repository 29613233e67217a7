import { Space } from "antd";
import { UtilityTicketQuerySchema } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { TicketList } from "../../features/tickets";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * 水电暖问题: every household's water, power and heating problem, the nearest deadline first,
 * those past it in red. The filters live in the address.
 */
export default function TicketsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("tickets.title"));
  const { query, update } = useUrlQuery(UtilityTicketQuerySchema);
  return (
    <div className="page">
      <PageHeading
        title={t("tickets.title")}
        subtitle={t("tickets.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/utility-tickets/export" params={query} />
            <PrintButton />
          </Space>
        }
      />
      <div className="panel">
        <TicketList query={query} onChange={update} label={t("tickets.tableLabel")} />
      </div>
    </div>
  );
}
