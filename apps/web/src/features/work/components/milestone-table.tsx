import { ExclamationCircleFilled } from "@ant-design/icons";
import { type Milestone } from "@resettle/domain";
import { Empty, Table, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { daysOverdue, isLate, sortByDueDate, workRowClass } from "../lib/work-schedule";
import { WithdrawnNote } from "./withdrawn-note";
import type { RenderPerson } from "../../../components/ui/render-person";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";

type Props = {
  milestones: Milestone[];
  today: string;
  departmentName: (departmentId: string) => string | undefined;
  renderPerson: RenderPerson;
  /** Per-row actions for those allowed to change the timetable; no column without them. */
  renderActions?: (milestone: Milestone) => ReactNode;
  /** The status cell; a plain tag unless the page offers a control. */
  renderStatus?: (milestone: Milestone) => ReactNode;
};

/** The project's timetable (推进时间表); overdue items say so in words, not only in red. */
export function MilestoneTable({
  milestones,
  today,
  departmentName,
  renderPerson,
  renderActions,
  renderStatus = (m) => <WorkStatusTag status={m.status} />,
}: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Milestone> = [
    dateColumn({
      key: "dueDate",
      title: t("project.milestones.dueDate"),
      render: (m) =>
        isLate(m, today) ? (
          <span className="overdue">
            <ExclamationCircleFilled aria-hidden /> {formatDate(m.dueDate)}
            <span className="overdue-note">{t("project.milestones.overdue", { count: daysOverdue(m, today) })}</span>
          </span>
        ) : (
          formatDate(m.dueDate)
        ),
    }),
    { key: "kind", title: t("project.milestones.kind"), render: (_, m) => t(`enums.milestoneKind.${m.kind}`) },
    textColumn({ key: "title", title: t("project.milestones.item"), text: (m) => m.title, minWidth: 180 }),
    {
      key: "status",
      title: t("project.milestones.status"),
      render: (_, m) => (m.withdrawn ? <WithdrawnNote withdrawal={m.withdrawn} /> : renderStatus(m)),
    },
    {
      key: "department",
      title: t("project.milestones.responsibleDepartment"),
      render: (_, m) => (m.responsibleDepartmentId && departmentName(m.responsibleDepartmentId)) || NO_VALUE,
    },
    {
      key: "person",
      title: t("project.milestones.responsiblePerson"),
      render: (_, m) => renderPerson(m.responsiblePersonId),
    },
    dateColumn({
      key: "completedAt",
      title: t("project.milestones.completedAt"),
      render: (m) =>
        m.completedAt ? (
          <>
            {formatDate(m.completedAt)}
            {m.completedBy && <span className="figure-note">{m.completedBy}</span>}
          </>
        ) : (
          NO_VALUE
        ),
    }),
    ...(renderActions
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            className: "no-print",
            render: (_: unknown, m: Milestone) => renderActions(m),
          },
        ]
      : []),
  ];
  return (
    <Table<Milestone>
      rowKey="id"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={sortByDueDate(milestones)}
      rowClassName={(m) => workRowClass(m, today)}
      locale={{ emptyText: <Empty description={t("project.milestones.empty")} /> }}
      caption={<span className="sr-only">{t("project.milestones.caption")}</span>}
      scroll={{ x: true }}
    />
  );
}
