import { can, checkNoticeStep, isHigherLevel, type Notice, type NoticeStep, type SessionUser } from "@resettle/domain";

/** The steps on a notice's page, in the order its buttons show. */
const NOTICE_ACTIONS = ["receipt", "reply", "extension", "review", "extension_decision", "escalate"] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** 签收, 反馈 and 延期申请 are the notice's department's (its coordinators); the rest the office's. */
const ANSWERED: ReadonlySet<NoticeStep> = new Set(["receipt", "reply", "extension"]);

/**
 * The steps this user may take on the notice now: the step is next in the notice's order
 * (`checkNoticeStep`, the server's own check) and the user holds its capability — for the
 * department's steps, as a coordinator of that very department.
 */
export function noticeActionsFor(user: SessionUser, notice: Notice): NoticeAction[] {
  return NOTICE_ACTIONS.filter((step) => {
    if (!checkNoticeStep({ status: notice.status, extensionStatus: notice.extension?.status ?? null }, step).ok)
      return false;
    // A red notice has no higher colour to go to.
    if (step === "escalate" && !isHigherLevel("red", notice.level)) return false;
    if (ANSWERED.has(step)) return can(user, "notices.answer") && user.departmentId === notice.department.id;
    return can(user, "notices.issue");
  });
}

/** The day the reply is due now: the approved extension's, else the one issued. */
export const noticeDueDay = (notice: Notice) =>
  notice.extension?.status === "approved" ? notice.extension.until : notice.replyBy;
