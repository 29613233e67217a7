import { ExclamationCircleFilled } from "@ant-design/icons";
import { type Item } from "@resettle/domain";
import { Empty, Table, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ReviewSourceTag } from "../../../components/ui/review-source-tag";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { daysOverdue, isLate, workRowClass } from "../lib/work-schedule";
import { WithdrawnNote } from "./withdrawn-note";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";

type Props = {
  items: Item[];
  today: string;
  departmentName: (departmentId: string) => string | undefined;
  renderPerson: (personId: string | null) => ReactNode;
  /** The status cell: a tag, or a control for those who may move it. */
  renderStatus: (item: Item) => ReactNode;
  /** Per-row actions for those allowed to plan the work; no column without them. */
  renderActions?: (item: Item) => ReactNode;
};

/** 整改事项: problem, cause, measure, who answers for it and by when. */
export function ItemTable({ items, today, departmentName, renderPerson, renderStatus, renderActions }: Props) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const columns: TableColumnsType<Item> = [
    textColumn({
      key: "title",
      title: t("work.items.problem"),
      text: (i) => i.title,
      lines: 3,
      after: (i) => <ReviewSourceTag review={i.review} />,
    }),
    textColumn({ key: "cause", title: t("work.items.cause"), text: (i) => i.cause, lines: 3 }),
    textColumn({ key: "measure", title: t("work.items.measure"), text: (i) => i.measure, lines: 3 }),
    {
      key: "department",
      title: t("work.items.responsibleDepartment"),
      render: (_, i) => (i.responsibleDepartmentId && departmentName(i.responsibleDepartmentId)) || NO_VALUE,
    },
    { key: "person", title: t("work.items.responsiblePerson"), render: (_, i) => renderPerson(i.responsiblePersonId) },
    dateColumn({
      key: "dueDate",
      title: t("work.items.deadline"),
      render: (i) =>
        isLate(i, today) ? (
          <span className="overdue">
            <ExclamationCircleFilled aria-hidden /> {formatDate(i.dueDate)}
            <span className="overdue-note">{t("project.milestones.overdue", { count: daysOverdue(i, today) })}</span>
          </span>
        ) : (
          formatDate(i.dueDate)
        ),
    }),
    {
      key: "status",
      title: t("work.items.status"),
      render: (_, i) => (i.withdrawn ? <WithdrawnNote withdrawal={i.withdrawn} /> : renderStatus(i)),
    },
    ...(renderActions
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            className: "no-print",
            render: (_: unknown, i: Item) => renderActions(i),
          },
        ]
      : []),
  ];
  return (
    <Table<Item>
      rowKey="id"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={sorted}
      rowClassName={(i) => workRowClass(i, today)}
      locale={{ emptyText: <Empty description={t("work.items.empty")} /> }}
      caption={<span className="sr-only">{t("work.items.caption")}</span>}
      scroll={{ x: true }}
    />
  );
}
