import type { ReviewSummary } from "@resettle/domain";
import { Empty, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { formatDate } from "../../../lib/format";
import { textColumn } from "../../../components/ui/table-columns";

type Paging = { page: number; pageSize: number };

type Props = {
  reviews: ReviewSummary[];
  total: number;
  query: Paging;
  loading: boolean;
  onChange: (patch: Paging) => void;
  caption: string;
};

/** 研判记录: reviews newest first, each leading to its minutes. */
export function ReviewListTable({ reviews, total, query, loading, onChange, caption }: Props) {
  const { t } = useTranslation();
  const separator = t("reviews.minutes.nameSeparator");
  const columns: TableColumnsType<ReviewSummary> = [
    {
      key: "heldOn",
      title: t("reviews.list.columns.heldOn"),
      render: (_, r) => (
        <Link to={`/reviews/${r.id}`}>
          {formatDate(r.heldOn)}
          <span className="sr-only">{` ${t("reviews.minutesTitle", { group: r.group.name })}`}</span>
        </Link>
      ),
    },
    { key: "group", title: t("reviews.list.columns.group"), render: (_, r) => r.group.name },
    textColumn({
      key: "projects",
      title: t("reviews.list.columns.projects"),
      text: (r) => r.projects.map((p) => p.name).join(separator),
    }),
    {
      key: "actions",
      title: t("reviews.list.columns.actions"),
      align: "right",
      render: (_, r) => t("reviews.list.actionCount", { count: r.actionCount }),
    },
    {
      key: "signOff",
      title: t("reviews.list.columns.signOff"),
      render: (_, r) =>
        r.withdrawn ? (
          <Tag className="withdrawn-tag">{t("withdraw.withdrawn")}</Tag>
        ) : r.locked ? (
          <Tag>{t("reviews.minutes.locked")}</Tag>
        ) : (
          <Tag color="processing">{t("reviews.list.pendingCount", { count: r.pendingDepartmentCount })}</Tag>
        ),
    },
  ];
  return (
    <Table<ReviewSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={reviews}
      rowClassName={(r) => (r.withdrawn ? "row-withdrawn" : "")}
      loading={loading}
      onChange={onServerPageChange<ReviewSummary>(query, onChange)}
      locale={{ emptyText: <Empty description={t("reviews.list.empty")} /> }}
      caption={<span className="sr-only">{caption}</span>}
      pagination={
        total > query.pageSize ? serverPagination(query, total, (count) => t("reviews.list.count", { count })) : false
      }
      scroll={{ x: true }}
    />
  );
}
