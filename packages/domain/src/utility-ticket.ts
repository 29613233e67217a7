import { z } from "zod";
import { IdSchema, IsoDateTimeSchema } from "./common.js";
import { pageOf, PageQuerySchema, QueryBooleanSchema } from "./pagination.js";
import { TEXT_MAX } from "./text-limits.js";

/** 水电暖问题: what failed. */
export const UtilityKindSchema = z.enum(["water", "power", "heating", "other"]);
export type UtilityKind = z.infer<typeof UtilityKindSchema>;

/** How it reached the office: the household itself, a petition (信访), the 12345 hotline, an inspection. */
export const TicketChannelSchema = z.enum(["household", "petition", "hotline_12345", "inspection"]);
export type TicketChannel = z.infer<typeof TicketChannelSchema>;

/** open → in_progress → resolved → confirmed (by the household); resolved or confirmed may be reopened. */
export const TicketStatusSchema = z.enum(["open", "in_progress", "resolved", "confirmed"]);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

const MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ["in_progress", "resolved"],
  in_progress: ["resolved"],
  resolved: ["confirmed", "open"],
  confirmed: ["open"],
};

/** Where a ticket may go from here (the UI offers these; the server checks the same table). */
export const ticketMovesFrom = (from: TicketStatus): readonly TicketStatus[] => MOVES[from];

export type TicketMove =
  { ok: true; reopen: boolean } | { ok: false; reason: "transition_not_allowed" | "reason_required"; message: string };

/** Whether a ticket may move; reopening (back to open) needs the reason. */
export function checkTicketMove(from: TicketStatus, to: TicketStatus, note?: string | null): TicketMove {
  if (!MOVES[from].includes(to))
    return { ok: false, reason: "transition_not_allowed", message: `a ticket does not move from ${from} to ${to}` };
  const reopen = to === "open";
  if (reopen && !note?.trim()) return { ok: false, reason: "reason_required", message: "reopening needs the reason" };
  return { ok: true, reopen };
}

export const isTicketOpen = (status: TicketStatus) => status === "open" || status === "in_progress";

/**
 * How long a kind of problem may take, in hours: in the heating season and outside it.
 * Panjin's defaults: heating 24 h in season (1 Nov – 31 Mar), water and power 48 h, the rest 7 days.
 */
export const UtilityStandardSchema = z.object({
  kind: UtilityKindSchema,
  inSeasonHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  offSeasonHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  version: z.number().int().min(1),
  updatedAt: IsoDateTimeSchema,
});
export type UtilityStandard = z.infer<typeof UtilityStandardSchema>;

export const UtilityStandardUpdateSchema = UtilityStandardSchema.pick({
  kind: true,
  inSeasonHours: true,
  offSeasonHours: true,
  version: true,
}).strict();
export type UtilityStandardUpdate = z.infer<typeof UtilityStandardUpdateSchema>;

export const DEFAULT_UTILITY_STANDARDS: Record<UtilityKind, { inSeasonHours: number; offSeasonHours: number }> = {
  heating: { inSeasonHours: 24, offSeasonHours: 24 * 7 },
  water: { inSeasonHours: 48, offSeasonHours: 48 },
  power: { inSeasonHours: 48, offSeasonHours: 48 },
  other: { inSeasonHours: 24 * 7, offSeasonHours: 24 * 7 },
};

/** Panjin's heating season (供暖期): 1 November to 31 March, by the calendar day in China. */
export const HEATING_SEASON = { startMonth: 11, endMonth: 3 } as const;

/** China has one time zone, UTC+8, and no daylight saving. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** Whether a moment falls in the heating season (its day in China between 1 Nov and 31 Mar). */
export function inHeatingSeason(at: Date): boolean {
  const month = new Date(at.getTime() + CHINA_OFFSET_MS).getUTCMonth() + 1;
  return month >= HEATING_SEASON.startMonth || month <= HEATING_SEASON.endMonth;
}

/** The deadline of a ticket reported at `reportedAt`: the kind's hours, in or out of the heating season. */
export function ticketDeadline(
  kind: UtilityKind,
  reportedAt: Date,
  standards: Record<UtilityKind, { inSeasonHours: number; offSeasonHours: number }> = DEFAULT_UTILITY_STANDARDS,
): Date {
  const standard = standards[kind];
  const hours = inHeatingSeason(reportedAt) ? standard.inSeasonHours : standard.offSeasonHours;
  return new Date(reportedAt.getTime() + hours * 3600_000);
}

export const UtilityTicketSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  projectName: z.string(),
  /** The household it concerns; null for a whole building or more. */
  householdId: IdSchema.nullable(),
  householdName: z.string().nullable(),
  kind: UtilityKindSchema,
  channel: TicketChannelSchema,
  reportedAt: IsoDateTimeSchema,
  description: z.string(),
  responsibleDepartment: z.object({ id: IdSchema, name: z.string() }).nullable(),
  status: TicketStatusSchema,
  deadlineAt: IsoDateTimeSchema,
  /** Still open after its deadline. */
  overdue: z.boolean(),
  resolvedAt: IsoDateTimeSchema.nullable(),
  version: z.number().int().min(1),
  updatedAt: IsoDateTimeSchema,
});
export type UtilityTicket = z.infer<typeof UtilityTicketSchema>;

export const UtilityTicketPageSchema = pageOf(UtilityTicketSchema);

export const UtilityTicketQuerySchema = PageQuerySchema.extend({
  projectId: IdSchema.optional(),
  kind: UtilityKindSchema.optional(),
  status: TicketStatusSchema.optional(),
  overdue: QueryBooleanSchema.optional(),
  /** Not yet resolved: open or in progress. */
  unresolved: QueryBooleanSchema.optional(),
  departmentId: IdSchema.optional(),
});
export type UtilityTicketQuery = z.infer<typeof UtilityTicketQuerySchema>;

export const UtilityTicketCreateSchema = z.strictObject({
  projectId: IdSchema,
  householdId: IdSchema.nullable().optional(),
  kind: UtilityKindSchema,
  channel: TicketChannelSchema,
  reportedAt: IsoDateTimeSchema,
  description: z.string().trim().min(1).max(TEXT_MAX.note),
  /** Defaults to the project's responsible department. */
  responsibleDepartmentId: IdSchema.nullable().optional(),
});
export type UtilityTicketCreate = z.infer<typeof UtilityTicketCreateSchema>;

export const UtilityTicketUpdateSchema = z.strictObject({
  status: TicketStatusSchema,
  note: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
  version: z.number().int().min(1),
});
export type UtilityTicketUpdate = z.infer<typeof UtilityTicketUpdateSchema>;

/** One step of a ticket's history. */
export const TicketEventSchema = z.object({
  id: IdSchema,
  from: TicketStatusSchema.nullable(),
  to: TicketStatusSchema,
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: IsoDateTimeSchema,
});
export type TicketEvent = z.infer<typeof TicketEventSchema>;
