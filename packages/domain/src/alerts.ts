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
]);
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** How many days ahead "due soon" looks, and how long a notice may wait for its 签收. */
export const ALERT_DUE_SOON_DAYS = 3;
export const ALERT_UNSIGNED_DAYS = 3;

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
