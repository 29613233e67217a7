import type { MyWork, WorkEntry } from "@resettle/domain";
import { Button, Table, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReviewSourceTag } from "../../../components/ui/review-source-tag";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { UrgencyTag } from "./urgency-tag";

type Entry = MyWork["cooperating"][number];

type Props = {
  entries: Entry[];
  /** Opens the record's detail, where notes and evidence are added. */
  onOpen: (entry: WorkEntry) => void;
};

/**
 * 配合事项: open work other departments lead and the user's department cooperates on, most urgent
 * first. The status is shown, not moved (the lead moves it); 详情 opens notes and evidence.
 * Nothing shows when there is none.
 */
export function CooperatingWork({ entries, onOpen }: Props) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  const columns: TableColumnsType<Entry> = [
    { key: "urgency", title: t("work.mine.columns.urgency"), render: (_, e) => <UrgencyTag entry={e} /> },
    {
      key: "project",
      title: t("work.mine.columns.project"),
      render: (_, e) => <Link to={`/projects/${e.projectId}`}>{e.projectName}</Link>,
    },
    { key: "type", title: t("work.mine.columns.type"), render: (_, e) => t(`work.type.${e.type}`) },
    textColumn({
      key: "title",
      title: t("work.mine.columns.title"),
      text: (e) => e.title,
      minWidth: 180,
      after: (e) => <ReviewSourceTag review={e.review} />,
    }),
    dateColumn({
      key: "dueDate",
      title: t("work.mine.columns.dueDate"),
      render: (e) => <span className={e.urgency === "overdue" ? "overdue" : undefined}>{formatDate(e.dueDate)}</span>,
    }),
    { key: "lead", title: t("work.cooperating.lead"), render: (_, e) => e.leadName ?? NO_VALUE },
    { key: "status", title: t("work.mine.columns.status"), render: (_, e) => <WorkStatusTag status={e.status} /> },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => onOpen(e)}>
          {t("work.details")}
          <span className="sr-only">{` ${e.title}`}</span>
        </Button>
      ),
    },
  ];
  return (
    <section className="cooperating-work" aria-labelledby="cooperating-work-title">
      <Typography.Title level={4} id="cooperating-work-title">
        {t("work.cooperating.title", { count: entries.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("work.cooperating.hint")}</Typography.Paragraph>
      <Table<Entry>
        rowKey={(e) => `${e.type}-${e.id}`}
        size="middle"
        pagination={false}
        columns={columns}
        dataSource={entries}
        rowClassName={(e) => (e.urgency === "overdue" ? "row-overdue" : "")}
        caption={<span className="sr-only">{t("work.cooperating.caption")}</span>}
        scroll={{ x: true }}
      />
    </section>
  );
}
