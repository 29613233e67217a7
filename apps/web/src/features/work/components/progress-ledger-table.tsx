import type { ProgressReport } from "@resettle/domain";
import { Empty, Space, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatDate, NO_VALUE } from "../../../lib/format";

/** 回迁台账 entries, newest first; corrections show their sign and their reason. */
export function ProgressLedgerTable({ reports }: { reports: ProgressReport[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProgressReport> = [
    { key: "reportedOn", title: t("progress.ledger.reportedOn"), render: (_, r) => formatDate(r.reportedOn) },
    {
      key: "households",
      title: t("progress.ledger.households"),
      align: "right",
      render: (_, r) =>
        r.households < 0 ? (
          <span className="correction">{t("progress.ledger.correction", { count: formatCount(r.households) })}</span>
        ) : (
          `+${formatCount(r.households)}`
        ),
    },
    { key: "note", title: t("progress.ledger.note"), render: (_, r) => r.note || NO_VALUE },
    { key: "reason", title: t("progress.ledger.reason"), render: (_, r) => r.reason || NO_VALUE },
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
      pagination={reports.length > 10 ? { pageSize: 10 } : false}
      columns={columns}
      dataSource={reports}
      locale={{ emptyText: <Empty description={t("progress.ledger.empty")} /> }}
      caption={<span className="sr-only">{t("progress.ledger.caption")}</span>}
    />
  );
}
