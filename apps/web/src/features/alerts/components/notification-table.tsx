import { Button, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { serverPagination } from "../../../components/ui/server-table";
import { dateColumn } from "../../../components/ui/table-columns";
import { formatDateTime } from "../../../lib/format";
import type { NotificationPageRead, NotificationRead } from "../api/alerts.queries";
import { useMarkNotificationRead } from "../api/use-notifications";
import { RuleTag } from "./rule-tag";

type Props = {
  page: NotificationPageRead;
  loading: boolean;
  label: string;
  emptyText: string;
  onPage: (page: number, pageSize: number) => void;
};

/** The user's notifications a page at a time, newest first; opening one or 标为已读 reads it. */
export function NotificationTable({ page, loading, label, emptyText, onPage }: Props) {
  const { t } = useTranslation();
  const markRead = useMarkNotificationRead();
  const read = (n: NotificationRead) => {
    if (!n.readAt) markRead.mutate(n.id);
  };
  const columns: TableColumnsType<NotificationRead> = [
    dateColumn({
      key: "createdAt",
      title: t("alerts.createdAt"),
      render: (n) => <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>,
    }),
    { key: "rule", title: t("alerts.rule"), className: "cell-nowrap", render: (_, n) => <RuleTag rule={n.rule} /> },
    {
      key: "title",
      title: t("alerts.title"),
      render: (_, n) => (
        <span className="notification-title">
          {n.link.startsWith("/") ? (
            <Link to={n.link} onClick={() => read(n)}>
              {n.title}
            </Link>
          ) : (
            n.title
          )}
        </span>
      ),
    },
    {
      key: "state",
      title: t("alerts.state"),
      className: "cell-nowrap",
      render: (_, n) =>
        n.readAt ? (
          <Tag title={t("alerts.readAt", { time: formatDateTime(n.readAt) })}>{t("alerts.read")}</Tag>
        ) : (
          <Tag color="red">{t("alerts.unread")}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("common.actions"),
      className: "cell-nowrap no-print",
      render: (_, n) =>
        n.readAt ? null : (
          <Button
            size="small"
            onClick={() => read(n)}
            loading={markRead.isPending && markRead.variables === n.id}
            aria-label={t("alerts.markReadLabel", { title: n.title })}
          >
            {t("alerts.markRead")}
          </Button>
        ),
    },
  ];
  return (
    <Table<NotificationRead>
      rowKey="id"
      size="small"
      aria-label={label}
      columns={columns}
      dataSource={page.items}
      loading={loading}
      scroll={{ x: "max-content" }}
      rowClassName={(n) => (n.readAt ? "" : "notification-row-unread")}
      pagination={serverPagination(page, page.total, (count) => t("alerts.total", { count }))}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? page.pageSize)}
      locale={{ emptyText }}
    />
  );
}
