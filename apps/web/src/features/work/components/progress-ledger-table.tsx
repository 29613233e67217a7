import type { ProgressLedgerPage, ProgressReport } from "@resettle/domain";
import { Empty, Space, Table, Tag, Tooltip, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatDate, NO_VALUE } from "../../../lib/format";
import { numberColumn, textColumn } from "../../../components/ui/table-columns";

type Props = {
  page: ProgressLedgerPage;
  loading?: boolean;
  onPage: (page: number) => void;
};

/**
 * 回迁台账 entries, newest first, a page at a time from the server; the count and the sum of
 * every entry below, so the project's figure can be checked against its entries. Corrections
 * show their sign and their reason; a back-dated report (补报) is tagged, its reason on hover.
 */
export function ProgressLedgerTable({ page, loading = false, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProgressReport> = [
    {
      key: "reportedOn",
      title: t("progress.ledger.reportedOn"),
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap={false}>
          {formatDate(r.reportedOn)}
          {r.backdated && (
            <Tooltip title={t("progress.ledger.backdatedTip", { reason: r.reason ?? NO_VALUE })}>
              <Tag color="gold" tabIndex={0}>
                {t("progress.ledger.backdated")}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    numberColumn({
      key: "households",
      title: t("progress.ledger.households"),
      width: 120,
      render: (r) =>
        r.households < 0 ? (
          <span className="correction">{t("progress.ledger.correction", { count: formatCount(r.households) })}</span>
        ) : (
          `+${formatCount(r.households)}`
        ),
    }),
    textColumn({ key: "note", title: t("progress.ledger.note"), text: (r) => r.note, minWidth: 140 }),
    textColumn({ key: "reason", title: t("progress.ledger.reason"), text: (r) => r.reason, minWidth: 140 }),
    {
      key: "reportedBy",
      title: t("progress.ledger.reportedBy"),
      render: (_, r) => (
        <Space size={4}>
          {r.reportedBy ?? t("progress.ledger.loaded")}
          {r.isDemo && <Tag color="orange">{t("demo.tag")}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Table<ProgressReport>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: page.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: onPage,
      }}
      columns={columns}
      dataSource={page.items}
      locale={{ emptyText: <Empty description={t("progress.ledger.empty")} /> }}
      caption={<span className="sr-only">{t("progress.ledger.caption")}</span>}
      footer={() => (
        <span className="ledger-total" data-testid="ledger-total">
          {t("progress.ledger.total", { count: page.total, households: formatCount(page.households) })}
        </span>
      )}
      scroll={{ x: true }}
    />
  );
}
