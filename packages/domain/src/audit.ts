import { z } from "zod";
import { PageQuerySchema } from "./pagination.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";

/** What the audit trail records about: one value per kind of record. */
export const AuditEntityTypeSchema = z.enum([
  "user",
  "session",
  "department",
  "person",
  "project",
  "milestone",
  "item",
  "progress_report",
  "cause",
  "common_problem",
  "working_group",
  "review",
  "plan",
  "verification_rule",
  "household",
  "utility_ticket",
  "utility_standard",
  "subsidy_standard",
  "subsidy_payment",
  "supervision_notice",
  "notification_channel",
  "scoring_rules",
]);
export type AuditEntityType = z.infer<typeof AuditEntityTypeSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  at: IsoDateTimeSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: AuditEntityTypeSchema,
  entityId: z.string(),
  /**
   * The record in words (an item's or milestone's title, a review's date and group, a
   * project's or person's name …), read for the whole page when listed; null when unknown.
   */
  entityLabel: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The server's own id of the request (also in its logs and the `x-request-id` answer header). */
  requestId: z.string().nullable(),
  /** The id the client sent in `X-Request-Id`, kept beside ours when it was a short plain token. */
  clientRequestId: z.string().nullable(),
  /** The project the change belongs to, when it belongs to one. */
  projectId: IdSchema.nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** An account that appears in the audit trail, for its actor filter. */
export const AuditActorSchema = z.object({ id: IdSchema, name: z.string() });
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** `from` and `to` are calendar days in China time, both included. */
export const AuditQuerySchema = z.object({
  entityType: AuditEntityTypeSchema.optional(),
  entityId: z.string().max(100).optional(),
  projectId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  /** One action, e.g. `login_failed` (failed sign-ins) or `login_throttled`. */
  action: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  ...PageQuerySchema.shape,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
