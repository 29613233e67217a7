import { PrinterOutlined } from "@ant-design/icons";
import { IdSchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Empty, Select, Space } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { reportsQueries, StocktakeDocument } from "../../../features/reports";
import { workingGroupsQueries } from "../../../features/reviews";
import { useDocumentTitle } from "../../../lib/use-document-title";

/**
 * 逐项目研判材料 for a working group's meeting: the group chosen in the address, the pack on screen
 * and printed with a page per project once every chart is drawn.
 */
export default function StocktakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("reports.stocktake.title"));
  const [params, setParams] = useSearchParams();
  const asked = IdSchema.safeParse(params.get("groupId"));
  const groupId = asked.success ? asked.data : null;
  const groups = useQuery(workingGroupsQueries.list());
  const pack = useQuery({ ...reportsQueries.stocktake(groupId ?? ""), enabled: groupId !== null });
  // Which pack's charts are drawn: printing waits for them (a chart still loading would print blank).
  const [drawnFor, setDrawnFor] = useState<unknown>(null);
  const ready = pack.data !== undefined && drawnFor === pack.data;
  const data = pack.data;
  const onReady = useCallback(() => setDrawnFor(data), [data]);

  return (
    <div className="page">
      <PageHeading
        title={t("reports.stocktake.title")}
        subtitle={t("reports.stocktake.pageSubtitle")}
        extra={
          <Space wrap className="no-print">
            <Select
              aria-label={t("reports.stocktake.group")}
              placeholder={t("reports.stocktake.groupPlaceholder")}
              className="report-group-select"
              loading={groups.isPending}
              value={groupId ?? undefined}
              options={groups.data?.map((g) => ({ value: g.id, label: g.name }))}
              onChange={(value: string) => setParams({ groupId: value })}
            />
            <Button
              icon={<PrinterOutlined />}
              disabled={!ready}
              loading={groupId !== null && !ready && !pack.isError}
              onClick={() => window.print()}
            >
              {t("common.print")}
            </Button>
          </Space>
        }
      />
      {groupId === null ? (
        <Empty description={t("reports.stocktake.pickGroup")} />
      ) : (
        <QueryView query={pack} skeletonRows={16}>
          {(stocktake) => (
            <div className="report-paper">
              <StocktakeDocument stocktake={stocktake} onReady={onReady} />
            </div>
          )}
        </QueryView>
      )}
    </div>
  );
}
