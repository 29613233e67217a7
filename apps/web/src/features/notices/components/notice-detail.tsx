import type { Notice, NoticeEvent } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions, Tag, Timeline, type DescriptionsProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { formatDate, formatDateTime, NO_VALUE } from "../../../lib/format";
import { noticesQueries } from "../api/notices.queries";
import { NoticeActions } from "./notice-actions";
import { NoticeLevelTag, NoticeStatusTag } from "./notice-tags";
import { ReplyBy } from "./notice-table";
import "../notices.css";

/** Where the record a notice is about lives in the app. */
function noticeTargetPath(notice: Notice): string | null {
  if (notice.targetType === "project") return `/projects/${notice.targetId}`;
  if (!notice.projectId) return null;
  return notice.targetType === "ticket" ? `/projects/${notice.projectId}?tab=tickets` : `/projects/${notice.projectId}`;
}

/** 督办单 in full: what, to whom, by when, how it stands; the steps taken; the ones this user may take now. */
export function NoticeDetail({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const events = useQuery(noticesQueries.events(notice.id));
  const targetPath = noticeTargetPath(notice);
  const items: DescriptionsProps["items"] = [
    { key: "number", label: t("notices.number"), children: notice.number },
    { key: "level", label: t("notices.level"), children: <NoticeLevelTag level={notice.level} /> },
    { key: "status", label: t("notices.status"), children: <NoticeStatusTag status={notice.status} /> },
    {
      key: "target",
      label: t("notices.target"),
      span: "filled",
      children: (
        <>
          <Tag>{t(`notices.targetTypes.${notice.targetType}`)}</Tag>
          {targetPath ? <Link to={targetPath}>{notice.targetLabel}</Link> : notice.targetLabel}
        </>
      ),
    },
    { key: "department", label: t("notices.department"), children: notice.department.name },
    { key: "replyBy", label: t("notices.replyBy"), children: <ReplyBy notice={notice} /> },
    { key: "daysOpen", label: t("notices.daysOpen"), children: t("notices.days", { count: notice.daysOpen }) },
    {
      key: "requirement",
      label: t("notices.requirement"),
      span: "filled",
      children: <span className="notice-requirement">{notice.requirement}</span>,
    },
    {
      key: "issued",
      label: t("notices.issuedAt"),
      children: `${formatDateTime(notice.issuedAt)} ${notice.issuedBy ?? ""}`.trim(),
    },
    { key: "received", label: t("notices.receivedAt"), children: formatDateTime(notice.receivedAt) },
    { key: "replied", label: t("notices.repliedAt"), children: formatDateTime(notice.repliedAt) },
    {
      key: "measures",
      label: t("notices.measures"),
      span: "filled",
      children: <span className="notice-requirement">{notice.measures ?? NO_VALUE}</span>,
    },
    ...(notice.reviewComment
      ? [
          {
            key: "reviewComment",
            label: t("notices.reviewComment"),
            span: "filled" as const,
            children: <span className="notice-requirement">{notice.reviewComment}</span>,
          },
        ]
      : []),
    ...(notice.closedAt
      ? [{ key: "closed", label: t("notices.closedAt"), children: formatDateTime(notice.closedAt) }]
      : []),
  ];
  return (
    <>
      <NoticeActions notice={notice} />
      {notice.extension && (
        <Alert
          className="form-alert"
          showIcon
          type={{ pending: "warning", approved: "success", refused: "error" }[notice.extension.status] as "warning"}
          title={t(`notices.extensionStatuses.${notice.extension.status}`, {
            date: formatDate(notice.extension.until),
          })}
          description={
            <>
              <div>{t("notices.extensionReasonIs", { reason: notice.extension.reason })}</div>
              {notice.extension.decision && (
                <div>{t("notices.extensionDecisionIs", { reason: notice.extension.decision })}</div>
              )}
            </>
          }
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      <SectionCard title={t("notices.history")} level={3}>
        <QueryView query={events} skeletonRows={3} compact>
          {(list) => <NoticeTimeline events={list} />}
        </QueryView>
      </SectionCard>
    </>
  );
}

function NoticeTimeline({ events }: { events: NoticeEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        color: event.to === "closed" ? "green" : event.to === "returned" ? "orange" : "blue",
        content: (
          <>
            <strong>{t(`notices.steps.${event.step}`)}</strong> <NoticeStatusTag status={event.to} />
            <div>
              {formatDateTime(event.at)} {event.by ?? ""}
            </div>
            {event.note && <div className="notice-requirement">{event.note}</div>}
          </>
        ),
      }))}
    />
  );
}
