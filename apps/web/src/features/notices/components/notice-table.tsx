import type { Notice, NoticePage } from "@resettle/domain";
import { Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { serverPagination } from "../../../components/ui/server-table";
import { dateColumn, numberColumn, textColumn } from "../../../components/ui/table-columns";
import { formatDate } from "../../../lib/format";
import { noticeDueDay } from "../lib/notice-actions";
import { NoticeLevelTag, NoticeStatusTag } from "./notice-tags";
import "../notices.css";

type Props = {
  page: NoticePage;
  loading: boolean;
  label: string;
  onPage: (page: number, pageSize: number) => void;
};

/** 督办单, open ones first, red before yellow before blue; one past its reply day says so in words and in red. */
export function NoticeTable({ page, loading, label, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Notice> = [
    {
      key: "number",
      title: t("notices.number"),
      className: "cell-nowrap",
      render: (_, notice) => <Link to={`/notices/${notice.id}`}>{notice.number}</Link>,
    },
    {
      key: "level",
      title: t("notices.level"),
      className: "cell-nowrap",
      render: (_, notice) => <NoticeLevelTag level={notice.level} />,
    },
    textColumn({ key: "target", title: t("notices.target"), text: (notice) => notice.targetLabel, minWidth: 200 }),
    textColumn({
      key: "department",
      title: t("notices.department"),
      text: (notice) => notice.department.name,
      minWidth: 100,
    }),
    dateColumn({
      key: "replyBy",
      title: t("notices.replyBy"),
      render: (notice) => <ReplyBy notice={notice} />,
    }),
    {
      key: "status",
      title: t("notices.status"),
      className: "cell-nowrap",
      render: (_, notice) => <NoticeStatusTag status={notice.status} />,
    },
    numberColumn({
      key: "daysOpen",
      title: t("notices.daysOpen"),
      render: (notice) => t("notices.days", { count: notice.daysOpen }),
    }),
  ];
  return (
    <Table<Notice>
      rowKey="id"
      size="small"
      aria-label={label}
      columns={columns}
      dataSource={page.items}
      loading={loading}
      scroll={{ x: "max-content" }}
      rowClassName={(notice) => (notice.overdue ? "row-overdue" : "")}
      pagination={serverPagination(page, page.total, (n) => t("notices.total", { count: n }))}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? page.pageSize)}
      locale={{ emptyText: t("notices.empty") }}
    />
  );
}

/** The day the reply is due (the approved extension's, if any); past it, in red and in words. */
export function ReplyBy({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  return (
    <span className={notice.overdue ? "notice-overdue-date" : undefined}>
      {formatDate(noticeDueDay(notice))} {notice.overdue && <Tag color="red">{t("notices.overdue")}</Tag>}
    </span>
  );
}
