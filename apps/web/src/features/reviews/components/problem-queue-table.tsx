import { ExclamationCircleFilled } from "@ant-design/icons";
import type { ProblemQueueEntry, ProblemQueueQuery, WorkingGroup } from "@resettle/domain";
import { Empty, Space, Table, Tag, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HealthTag } from "../../../components/ui/health-tag";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { numberColumn } from "../../../components/ui/table-columns";
import { formatCount, formatDate, NO_VALUE } from "../../../lib/format";
import { newReviewPath, projectReviewsPath } from "../lib/review-paths";
import { AssignGroupControl } from "./assign-group-control";
import "../reviews.css";

type Paging = Pick<ProblemQueueQuery, "page" | "pageSize">;

type Props = {
  entries: ProblemQueueEntry[];
  total: number;
  query: Paging;
  loading: boolean;
  onChange: (patch: Paging) => void;
  /** Whether the user may record a review: each row with a group then offers 记录研判. */
  canRecord: boolean;
  /** The groups the office may assign a project without one to; none for those who may not. */
  assignableGroups?: WorkingGroup[] | undefined;
  canAssign?: boolean;
};

const REASON_COLOURS: Record<ProblemQueueEntry["reasons"][number], string> = {
  individual_problem: "purple",
  red: "red",
  blocked_items: "orange",
};

const isReviewOverdue = (e: ProblemQueueEntry) => e.daysReviewOverdue > 0;

/** 问题项目: as the server ranks them, the most neglected first; the table only pages. */
export function ProblemQueueTable({
  entries,
  total,
  query,
  loading,
  onChange,
  canRecord,
  assignableGroups,
  canAssign = false,
}: Props) {
  const { t } = useTranslation();
  const action = (to: string, label: string, name: string): ReactNode => (
    <Link to={to}>
      {label}
      <span className="sr-only">{` ${name}`}</span>
    </Link>
  );

  const columns: TableColumnsType<ProblemQueueEntry> = [
    {
      key: "project",
      title: t("queue.columns.project"),
      render: (_, e) => <Link to={`/projects/${e.projectId}`}>{e.projectName}</Link>,
    },
    { key: "district", title: t("queue.columns.district"), render: (_, e) => e.district.name },
    {
      key: "group",
      title: t("queue.columns.group"),
      // Without a group no one can review the project: the queue says so, and the office assigns one here.
      render: (_, e) =>
        e.group?.name ?? (
          <div className="queue-no-group">
            <Tag color="warning" title={t("queue.noGroup")}>
              {t("queue.noGroupTag")}
            </Tag>
            {canAssign && (
              <AssignGroupControl projectId={e.projectId} projectName={e.projectName} groups={assignableGroups} />
            )}
          </div>
        ),
    },
    {
      key: "reasons",
      title: t("queue.columns.reasons"),
      render: (_, e) => (
        <Space size={[0, 4]} wrap>
          {e.reasons.map((r) => (
            <Tag key={r} color={REASON_COLOURS[r]}>
              {t(`queue.reason.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: "health", title: t("queue.columns.health"), render: (_, e) => <HealthTag level={e.healthLevel} /> },
    {
      key: "lastReviewed",
      title: t("queue.columns.lastReviewed"),
      render: (_, e) =>
        e.lastReviewedOn ? (
          formatDate(e.lastReviewedOn)
        ) : (
          <Tag color="error" className="never-reviewed">
            {t("queue.neverReviewed")}
          </Tag>
        ),
    },
    {
      key: "nextDue",
      title: t("queue.columns.nextDue"),
      render: (_, e) =>
        !e.nextReviewDue ? (
          NO_VALUE
        ) : isReviewOverdue(e) ? (
          <span className="overdue">
            <ExclamationCircleFilled aria-hidden /> {formatDate(e.nextReviewDue)}
            <span className="overdue-note">{t("queue.reviewOverdue", { count: e.daysReviewOverdue })}</span>
          </span>
        ) : (
          formatDate(e.nextReviewDue)
        ),
    },
    numberColumn({
      key: "openActions",
      title: t("queue.columns.openActions"),
      render: (e) => formatCount(e.openActions),
    }),
    numberColumn({
      key: "overdueActions",
      title: t("queue.columns.overdueActions"),
      render: (e) =>
        e.overdueActions > 0 ? <span className="overdue">{formatCount(e.overdueActions)}</span> : formatCount(0),
    }),
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, e) => (
        <Space size="middle" wrap>
          {action(projectReviewsPath(e.projectId), t("queue.history"), e.projectName)}
          {canRecord && e.group && action(newReviewPath(e.group.id, e.projectId), t("queue.record"), e.projectName)}
        </Space>
      ),
    },
  ];

  return (
    <Table<ProblemQueueEntry>
      rowKey="projectId"
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      onChange={onServerPageChange<ProblemQueueEntry>(query, onChange)}
      // Overdue for review: past its date, or in a group and never reviewed at all.
      rowClassName={(e) => (isReviewOverdue(e) || (e.group && !e.lastReviewedOn) ? "row-overdue" : "")}
      locale={{ emptyText: <Empty description={t("queue.empty")} /> }}
      caption={<span className="sr-only">{t("queue.caption")}</span>}
      pagination={serverPagination(query, total, (count) => t("queue.count", { count }))}
      scroll={{ x: true }}
    />
  );
}
