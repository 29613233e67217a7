import type { OverdueBoardQuery, OverdueEntry } from "@resettle/domain";
import { Empty, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { formatDate } from "../../../lib/format";
import { CellText } from "../../../components/ui/cell-text";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";

type Props = {
  entries: OverdueEntry[];
  total: number;
  query: Pick<OverdueBoardQuery, "page" | "pageSize">;
  loading: boolean;
  onChange: (patch: Pick<OverdueBoardQuery, "page" | "pageSize">) => void;
};

const LATENESS_COLOUR = { up_to_30: "warning", "31_to_90": "orange", over_90: "error" } as const;

/** 全市待办 as the server orders it: the longest overdue first; each row leads to its project. */
export function OverdueBoardTable({ entries, total, query, loading, onChange }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OverdueEntry> = [
    {
      key: "late",
      title: t("board.columns.late"),
      width: 110,
      render: (_, e) => <Tag color={LATENESS_COLOUR[e.lateness]}>{t("board.daysLate", { count: e.daysOverdue })}</Tag>,
    },
    {
      key: "type",
      title: t("board.columns.type"),
      render: (_, e) =>
        e.milestoneKind
          ? `${t("work.type.milestone")} · ${t(`enums.milestoneKind.${e.milestoneKind}`)}`
          : t("work.type.item"),
    },
    textColumn({
      key: "title",
      title: t("board.columns.title"),
      text: (e) => e.title,
      after: (e) => e.blockedReason && <CellText className="section-hint" text={e.blockedReason} />,
    }),
    {
      key: "project",
      title: t("board.columns.project"),
      render: (_, e) => <Link to={`/projects/${e.project.id}`}>{e.project.name}</Link>,
    },
    { key: "district", title: t("board.columns.district"), render: (_, e) => e.district.name },
    {
      key: "department",
      title: t("board.columns.department"),
      render: (_, e) => e.responsibleDepartment?.name ?? t("board.unassigned"),
    },
    {
      key: "person",
      title: t("board.columns.person"),
      render: (_, e) => e.responsiblePerson?.name ?? t("board.unassigned"),
    },
    dateColumn({
      key: "dueDate",
      title: t("board.columns.dueDate"),
      render: (e) => <span className="overdue">{formatDate(e.dueDate)}</span>,
    }),
    { key: "status", title: t("board.columns.status"), render: (_, e) => <WorkStatusTag status={e.status} /> },
  ];
  return (
    <Table<OverdueEntry>
      rowKey={(e) => `${e.type}-${e.id}`}
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      onChange={onServerPageChange<OverdueEntry>(query, onChange)}
      pagination={serverPagination(query, total, (count) => t("board.count", { count }))}
      locale={{ emptyText: <Empty description={t("board.empty")} /> }}
      caption={<span className="sr-only">{t("board.caption")}</span>}
      scroll={{ x: true }}
    />
  );
}
