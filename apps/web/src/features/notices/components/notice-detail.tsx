import { can, canActFor, isNoticeOpen, type Notice, type NoticeEvent } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Tag, Timeline, type DescriptionsProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { formatDate, formatDateTime, NO_VALUE } from "../../../lib/format";
import { useSessionUser } from "../../auth";
import { CooperatingTags, WorkNotes } from "../../responsibility";
import { noticesQueries } from "../api/notices.queries";
import { NoticeActions } from "./notice-actions";
import { NoticeCooperatorsDialog } from "./notice-cooperators-dialog";
import { NoticeLevelTag, NoticeStatusTag } from "./notice-tags";
import { ReplyBy } from "./notice-table";
import "../notices.css";

/** Where the record a notice is about lives in the app. */
function noticeTargetPath(notice: Notice): string | null {
  if (notice.targetType === "project") return `/projects/${notice.targetId}`;
  if (!notice.projectId) return null;
  return notice.targetType === "ticket" ? `/projects/${notice.projectId}?tab=tickets` : `/projects/${notice.projectId}`;
}

/**
 * 督办单 in full: what, to whom (the lead) and with whom (配合单位), by when, how it stands; the
 * steps taken; the ones this user may take now; the progress notes (进展情况) of the lead and the
 * cooperating departments, who write them here.
 */
export function NoticeDetail({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const events = useQuery(noticesQueries.events(notice.id));
  const [settingCooperators, setSettingCooperators] = useState(false);
  const canNote = canActFor(user, "notices.note", [notice.department.id, ...notice.cooperating.map((d) => d.id)]);
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
    {
      key: "cooperating",
      label: t("notices.cooperating"),
      children: (
        <>
          <CooperatingTags cooperating={notice.cooperating} />
          {can(user, "notices.issue") && isNoticeOpen(notice.status) && (
            <Button size="small" type="link" className="no-print" onClick={() => setSettingCooperators(true)}>
              {t("cooperation.set")}
            </Button>
          )}
        </>
      ),
    },
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
      <WorkNotes target={{ kind: "notice", id: notice.id }} canWrite={canNote} />
      {settingCooperators && <NoticeCooperatorsDialog notice={notice} onClose={() => setSettingCooperators(false)} />}
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
