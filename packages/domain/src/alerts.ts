import { z } from "zod";
import { IdSchema, IsoDateTimeSchema } from "./common.js";
import { PageQuerySchema, QueryBooleanSchema } from "./pagination.js";

/**
 * 预警: what the scheduled job watches. Each rule fires once per record and occasion (a
 * milestone's due day, a ticket's deadline …): a new occasion (a due day moved) fires again,
 * the same one never twice, however often the job runs.
 */
export const AlertRuleSchema = z.enum([
  /** a milestone or item (a review's follow-up action is an item) due within 3 days */
  "work_due_soon",
  /** a milestone or item past its due day, not done */
  "work_overdue",
  /** a water, power or heating ticket open past its deadline */
  "ticket_overdue",
  /** a 督办单 not signed for (签收) 3 days after it was issued */
  "notice_unsigned",
  /** a 督办单 issued to the department (交办): it is told at once */
  "notice_issued",
  /** a 督办单 issued red or escalated to red: the leaders are told too */
  "notice_red",
  /** a 督办单 past its reply day without a reply, escalated one level by the job */
  "notice_escalated",
  /** a project's temporary subsidy owed more than 30 days */
  "arrears_30",
  /** a project's temporary subsidy owed more than 90 days */
  "arrears_90",
  /** a project's moved-back share below its district's floor line for today */
  "below_floor",
  /** a review record waiting more than 3 days for a department's signature (会签) */
  "review_unsigned",
  /** a department's daily digest (每日汇总) of the alerts raised for it the day before */
  "daily_digest",
]);
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** How many days ahead "due soon" looks, and how long a notice may wait for its 签收. */
export const ALERT_DUE_SOON_DAYS = 3;
export const ALERT_UNSIGNED_DAYS = 3;
/** How long a review record may wait for a department's signature before it is chased. */
export const ALERT_REVIEW_SIGN_DAYS = 3;
/**
 * A notice past its reply day, not answered, goes up one level (blue → yellow → red) when it
 * has stayed at its level this many days past the day; a red one stays red.
 */
export const NOTICE_ESCALATE_DAYS = 3;
/** The rules whose alerts also reach the leaders (市领导), not only the department. */
export const LEADER_RULES: readonly AlertRule[] = ["notice_red"];

/** One message in a user's notification centre (通知), about one alert. */
export const NotificationSchema = z.object({
  id: IdSchema,
  rule: AlertRuleSchema,
  /** What happened, in words: the record, its department and person, the day. */
  title: z.string(),
  /** Where the record is, in the web app (e.g. /projects/…). */
  link: z.string(),
  createdAt: IsoDateTimeSchema,
  readAt: IsoDateTimeSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** `GET /api/notifications` → `{items, total, unread, page, pageSize}`: the newest first. */
export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  total: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationQuerySchema = PageQuerySchema.extend({ unread: QueryBooleanSchema.optional() });
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

/** `POST /api/alerts/run` → how many alerts were raised and notifications sent this run. */
export const AlertRunResultSchema = z.object({
  raised: z.number().int().nonnegative(),
  notified: z.number().int().nonnegative(),
  /** Another process was running the job: this run did nothing. */
  skipped: z.boolean(),
});
export type AlertRunResult = z.infer<typeof AlertRunResultSchema>;
