import type { WorkEntry } from "@resettle/domain";
import { Button, Empty, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReviewSourceTag } from "../../../components/ui/review-source-tag";
import { formatDate } from "../../../lib/format";
import { UrgencyTag } from "./urgency-tag";
import { WorkStatusControl } from "./work-status-control";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";

type Props = {
  entries: WorkEntry[];
  canUpdate: (entry: WorkEntry) => boolean;
  allowReopen: boolean;
  /** The office: 复核 of entries awaiting it. */
  canVerify?: boolean;
  /** Opens an entry's detail (牵头/配合, evidence, progress notes); no column without it. */
  onOpen?: (entry: WorkEntry) => void;
};

/** 我的待办 as the server orders it: overdue first, then due soon, then the rest. */
export function MyWorkTable({ entries, canUpdate, allowReopen, canVerify = false, onOpen }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<WorkEntry> = [
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
    {
      key: "status",
      title: t("work.mine.columns.status"),
      render: (_, e) => (
        <WorkStatusControl
          work={e}
          canUpdate={canUpdate(e)}
          allowReopen={allowReopen}
          canVerify={canVerify}
          completion={{
            completedOn: e.completion?.completedOn ?? null,
            note: e.completion?.note ?? null,
            by: e.completion?.by ?? null,
            returnReason: e.returnReason,
            fromReview: !!e.review,
            ...("departmentName" in e ? { departmentName: e.departmentName as string | null } : {}),
          }}
        />
      ),
    },
    ...(onOpen
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            className: "no-print",
            render: (_: unknown, e: WorkEntry) => (
              <Button type="link" size="small" onClick={() => onOpen(e)}>
                {t("work.details")}
                <span className="sr-only">{` ${e.title}`}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<WorkEntry>
      rowKey={(e) => `${e.type}-${e.id}`}
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={entries}
      rowClassName={(e) => (e.urgency === "overdue" ? "row-overdue" : "")}
      locale={{ emptyText: <Empty description={t("work.mine.empty")} /> }}
      caption={<span className="sr-only">{t("work.mine.caption")}</span>}
      scroll={{ x: true }}
    />
  );
}
