import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { CooperatingDepartmentIdsSchema } from "./cooperation.js";
import { pageOf, PageQuerySchema, QueryBooleanSchema } from "./pagination.js";
import { NamedRefSchema } from "./project.js";
import { TEXT_MAX } from "./text-limits.js";

/**
 * 督办单: the leading group's office tells a department, in writing, to act on an overdue or
 * stuck record by a day. The loop every 督查督办 system closes: 交办 (issued) → 签收 (received)
 * → 办理/反馈 (replied) → 复核 (the office accepts: 销号 closed; or returns it to be answered
 * again). A step cannot be skipped or repeated.
 */

/** 蓝色 (a reminder), 黄色 (a warning), 红色 (serious: the leaders are told). Escalation only goes up. */
export const NoticeLevelSchema = z.enum(["blue", "yellow", "red"]);
export type NoticeLevel = z.infer<typeof NoticeLevelSchema>;
export const NOTICE_LEVEL_WORDS: Record<NoticeLevel, string> = { blue: "蓝色", yellow: "黄色", red: "红色" };
const LEVEL_RANK: Record<NoticeLevel, number> = { blue: 0, yellow: 1, red: 2 };
export const isHigherLevel = (to: NoticeLevel, from: NoticeLevel) => LEVEL_RANK[to] > LEVEL_RANK[from];

/** What a notice is about (a follow-up action a review decided is an item). */
export const NoticeTargetTypeSchema = z.enum(["project", "milestone", "item", "ticket"]);
export type NoticeTargetType = z.infer<typeof NoticeTargetTypeSchema>;

export const NoticeStatusSchema = z.enum(["issued", "received", "replied", "returned", "closed"]);
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;
export const NOTICE_STATUS_WORDS: Record<NoticeStatus, string> = {
  issued: "已交办",
  received: "已签收",
  replied: "已反馈",
  returned: "已退回",
  closed: "已销号",
};
export const isNoticeOpen = (status: NoticeStatus) => status !== "closed";

/** An extension request (延期申请): pending until the office approves or refuses it. */
export const ExtensionStatusSchema = z.enum(["pending", "approved", "refused"]);
export type ExtensionStatus = z.infer<typeof ExtensionStatusSchema>;

/** The steps, each from the states it may follow. */
export const NoticeStepSchema = z.enum(["receipt", "reply", "review", "extension", "extension_decision", "escalate"]);
export type NoticeStep = z.infer<typeof NoticeStepSchema>;

export type NoticeStepCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether a step may be taken now: 签收 only once, after issue; 反馈 after 签收 or a return;
 * 复核 only of a reply; 延期 asked between 签收 and 反馈, one at a time, and decided once;
 * escalation while the notice is open.
 */
export function checkNoticeStep(
  notice: { status: NoticeStatus; extensionStatus: ExtensionStatus | null },
  step: NoticeStep,
): NoticeStepCheck {
  const { status, extensionStatus } = notice;
  const refuse = (message: string): NoticeStepCheck => ({ ok: false, message });
  switch (step) {
    case "receipt":
      return status === "issued" ? { ok: true } : refuse(`a notice ${status} is not signed for again`);
    case "reply":
      return status === "received" || status === "returned"
        ? { ok: true }
        : refuse(
            status === "issued" ? "sign for the notice (签收) before replying" : `a notice ${status} takes no reply`,
          );
    case "review":
      return status === "replied" ? { ok: true } : refuse(`only a reply is reviewed; this notice is ${status}`);
    case "extension":
      if (status !== "received" && status !== "returned")
        return refuse(`an extension is asked after signing for the notice and before replying; it is ${status}`);
      return extensionStatus === "pending" ? refuse("an extension request is already waiting") : { ok: true };
    case "extension_decision":
      return extensionStatus === "pending" ? { ok: true } : refuse("no extension request is waiting");
    case "escalate":
      return isNoticeOpen(status) ? { ok: true } : refuse("a closed notice is not escalated");
  }
}

/** 督办单编号 as printed: 盘回迁督〔2026〕12号 (the prefix is the city's, the number counts within the year). */
export const formatNoticeNumber = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;

/** Panjin's prefix: 盘(锦)回迁(难)督(办). */
export const NOTICE_NUMBER_PREFIX = "盘回迁督";

/** The longest a reply may be given for: a year. */
export const NOTICE_MAX_DAYS = 366;

export const NoticeCreateSchema = z.strictObject({
  targetType: NoticeTargetTypeSchema,
  targetId: IdSchema,
  departmentId: IdSchema,
  level: NoticeLevelSchema,
  /** 督办要求: what the department must do. */
  requirement: z.string().trim().min(1).max(TEXT_MAX.measure),
  /** 反馈时限: the day the reply is due (from today, within a year). */
  replyBy: IsoDateSchema,
  /** 配合单位: departments that help the one it is issued to (never that one); none when left out. */
  cooperatingDepartmentIds: CooperatingDepartmentIdsSchema.optional(),
});
export type NoticeCreate = z.infer<typeof NoticeCreateSchema>;

export const NoticeReplySchema = z.strictObject({
  /** 整改措施及成效: what was done. */
  measures: z.string().trim().min(1).max(TEXT_MAX.description),
});
export type NoticeReply = z.infer<typeof NoticeReplySchema>;

export const NoticeReviewSchema = z.strictObject({
  accepted: z.boolean(),
  /** 复核意见: required when returning a reply. */
  comment: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
});
export type NoticeReview = z.infer<typeof NoticeReviewSchema>;

export const NoticeExtensionSchema = z.strictObject({
  until: IsoDateSchema,
  reason: z.string().trim().min(1).max(TEXT_MAX.note),
});
export type NoticeExtension = z.infer<typeof NoticeExtensionSchema>;

export const NoticeExtensionDecisionSchema = z.strictObject({
  approved: z.boolean(),
  /** Required when refusing. */
  reason: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
});
export type NoticeExtensionDecision = z.infer<typeof NoticeExtensionDecisionSchema>;

export const NoticeEscalateSchema = z.strictObject({
  level: NoticeLevelSchema,
  reason: z.string().trim().min(1).max(TEXT_MAX.note),
});
export type NoticeEscalate = z.infer<typeof NoticeEscalateSchema>;

export const NoticeSchema = z.object({
  id: IdSchema,
  /** 盘回迁督〔2026〕12号 */
  number: z.string(),
  level: NoticeLevelSchema,
  targetType: NoticeTargetTypeSchema,
  targetId: IdSchema,
  /** The record in words (a project's name, a milestone's title with its project …), as issued. */
  targetLabel: z.string(),
  projectId: IdSchema.nullable(),
  department: z.object({ id: IdSchema, name: z.string() }),
  /** 配合单位: they see it, add progress notes; only `department` signs for it, replies and asks to extend. */
  cooperating: z.array(NamedRefSchema),
  requirement: z.string(),
  replyBy: IsoDateSchema,
  status: NoticeStatusSchema,
  issuedAt: IsoDateTimeSchema,
  issuedBy: z.string().nullable(),
  receivedAt: IsoDateTimeSchema.nullable(),
  repliedAt: IsoDateTimeSchema.nullable(),
  measures: z.string().nullable(),
  reviewComment: z.string().nullable(),
  closedAt: IsoDateTimeSchema.nullable(),
  extension: z
    .object({
      until: IsoDateSchema,
      reason: z.string(),
      status: ExtensionStatusSchema,
      decision: z.string().nullable(),
    })
    .nullable(),
  /** Days since issue (open notices), to closing (closed ones). */
  daysOpen: z.number().int().nonnegative(),
  /** Open and past its reply day (with an approved extension, past that). */
  overdue: z.boolean(),
  version: z.number().int().min(1),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticePageSchema = pageOf(NoticeSchema);
export type NoticePage = z.infer<typeof NoticePageSchema>;

export const NoticeQuerySchema = PageQuerySchema.extend({
  status: NoticeStatusSchema.optional(),
  level: NoticeLevelSchema.optional(),
  departmentId: IdSchema.optional(),
  /** The notices this department cooperates on (配合). */
  cooperatingDepartmentId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  /** Open ones only (not yet 销号). */
  open: QueryBooleanSchema.optional(),
});
export type NoticeQuery = z.infer<typeof NoticeQuerySchema>;

/** One step of a notice, as its history lists it. */
export const NoticeEventSchema = z.object({
  id: IdSchema,
  step: z.enum(["issue", ...NoticeStepSchema.options]),
  from: NoticeStatusSchema.nullable(),
  to: NoticeStatusSchema,
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: IsoDateTimeSchema,
});
export type NoticeEvent = z.infer<typeof NoticeEventSchema>;
