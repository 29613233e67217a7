import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { refusal } from "./errors.js";
import { pageOf, PageQuerySchema, SortOrderSchema } from "./pagination.js";
import { ResettlementApproachSchema } from "./project.js";
import { TEXT_MAX } from "./text-limits.js";

/**
 * Where a household (户) stands: 待回迁 → 已选房 → 已签约 → 已交钥匙 → 已回迁, or 货币补偿
 * (settled in money, without moving back). 已回迁 and 货币补偿 count as moved back.
 */
export const HOUSEHOLD_STATES = [
  "waiting",
  "allocated",
  "contracted",
  "keys_handed",
  "moved_back",
  "monetary",
] as const;
export const HouseholdStateSchema = z.enum(HOUSEHOLD_STATES);
export type HouseholdState = z.infer<typeof HouseholdStateSchema>;

/** Each state in the words of the registry's keepers (the import workbook, ledger notes). */
export const HOUSEHOLD_STATE_WORDS: Record<HouseholdState, string> = {
  waiting: "待回迁",
  allocated: "已选房",
  contracted: "已签约",
  keys_handed: "已交钥匙",
  moved_back: "已回迁",
  monetary: "货币补偿",
};

/** The states that count in the project's moved-back figure. */
export const isSettled = (state: HouseholdState) => state === "moved_back" || state === "monetary";

/** The road to moving back, in order; 货币补偿 stands beside it. */
const ROAD: readonly HouseholdState[] = ["waiting", "allocated", "contracted", "keys_handed", "moved_back"];

export type HouseholdMove =
  | { ok: true; backwards: boolean }
  | { ok: false; reason: "transition_not_allowed" | "reason_required"; message: string };

/**
 * Whether a household may go from one state to another. Forward along the road (steps may be
 * skipped: a household can sign and take its keys on one day) and to 货币补偿 from any state
 * before moving back; any move back (to an earlier state, or out of 货币补偿) needs a reason.
 * Staying where it is is no move.
 */
export function checkHouseholdMove(from: HouseholdState, to: HouseholdState, reason?: string | null): HouseholdMove {
  if (from === to) return { ok: false, reason: "transition_not_allowed", message: `already ${from}` };
  // Out of 货币补偿, to an earlier step, or from 已回迁 to 货币补偿 (a moved-back household re-settled).
  const backwards =
    from === "monetary" ||
    (from === "moved_back" && to === "monetary") ||
    (to !== "monetary" && ROAD.indexOf(to) < ROAD.indexOf(from));
  if (backwards && !reason?.trim())
    return { ok: false, reason: "reason_required", message: `going back from ${from} to ${to} needs the reason` };
  return { ok: true, backwards };
}

// ——— 身份证号 (GB 11643-1999) ———

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";

/** Why an ID number is not one: its shape, its birth date, or its check digit. */
export type IdNumberProblem = "format" | "birth_date" | "check_digit";

/** The check digit of an ID number's first 17 digits (GB 11643: ISO 7064 MOD 11-2). */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * What is wrong with an 18-character resident ID number (居民身份证号码), or null when it is one:
 * 17 digits and a check digit (0–9 or X), a real birth date from 1900 to `today`, and the
 * check digit that the first 17 give. The upper-case X is the only letter.
 */
export function idNumberProblem(id: string, today: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== birth ||
    birth < "1900-01-01" ||
    birth > today
  )
    return "birth_date";
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return "check_digit";
  return null;
}

/** 211102********1234: the area code and the last four, never the birth date. */
export const maskIdNumber = (id: string) => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : "******");

/** 138****5678 for a mobile number; a landline keeps its last four only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `${"*".repeat(digits.length - 4)}${digits.slice(-4)}` : "****";
}

/** Today in China, for the ID number's birth-date check where no clock is given. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** An ID number as typed: spaces dropped and a lower-case x read as X, then checked; never corrected otherwise. */
export const IdNumberSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, "").toUpperCase())
  .superRefine((id, ctx) => {
    const problem = idNumberProblem(id, chinaToday());
    if (!problem) return;
    const messages: Record<IdNumberProblem, string> = {
      format: "18 characters: 17 digits and a check digit (0–9 or X)",
      birth_date: "the birth date in it (characters 7–14) is not a real date from 1900 to today",
      check_digit: "the check digit (the last character) does not match the first 17 digits",
    };
    ctx.addIssue({ code: "custom", ...refusal("id_number_invalid", messages[problem], undefined, { problem }) });
  });

/** A mobile (11 digits from 1) or a landline (area code, a hyphen, the number). */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, "a mobile number (11 digits) or a landline such as 0427-2812345");

/** 安置面积: square metres, above 0 and at most 1,000, with at most two decimals (never rounded). */
export const AreaSchema = z
  .number()
  .positive()
  .max(1000)
  .refine(
    (n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6,
    refusal("invalid_format", "at most two decimals", undefined, { format: "0.00" }),
  );

/** A household as every list shows it: the ID number and the phone masked, always. */
export const HouseholdSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  headName: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string(),
  areaM2: z.number(),
  approach: ResettlementApproachSchema,
  state: HouseholdStateSchema,
  /** The day it reached its state. */
  stateOn: IsoDateSchema,
  isDemo: z.boolean(),
  version: z.number().int().min(1),
  updatedAt: IsoDateTimeSchema,
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdPageSchema = pageOf(HouseholdSchema);
export type HouseholdPage = z.infer<typeof HouseholdPageSchema>;

/** `GET /api/projects/:id/households`: by state, and a search of the name, the ID number's last digits or the address. */
export const HouseholdQuerySchema = PageQuerySchema.extend({
  state: HouseholdStateSchema.optional(),
  q: z.string().trim().max(TEXT_MAX.name).optional(),
});
export type HouseholdQuery = z.infer<typeof HouseholdQuerySchema>;

/** 回迁户名册: the households of every project, with where each belongs. */
export const HouseholdListItemSchema = HouseholdSchema.extend({
  projectName: z.string(),
  districtId: IdSchema,
  districtName: z.string(),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItemSchema>;

export const HouseholdListPageSchema = pageOf(HouseholdListItemSchema);
export type HouseholdListPage = z.infer<typeof HouseholdListPageSchema>;

/** The orders of the list across projects: as entered (by project), by name, by the day of the state. */
export const HouseholdSortFieldSchema = z.enum(["entered", "headName", "stateOn"]);
export type HouseholdSortField = z.infer<typeof HouseholdSortFieldSchema>;

/**
 * `GET /api/households` and its Excel export `GET /api/households/export`: the registry across
 * projects, by district, project and state, with the same search as a project's list.
 */
export const HouseholdListQuerySchema = HouseholdQuerySchema.extend({
  districtId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  sort: HouseholdSortFieldSchema.default("entered"),
  order: SortOrderSchema.default("asc"),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

/** The export's filters: the list's, without the page. */
export const HouseholdExportQuerySchema = HouseholdListQuerySchema.omit({ page: true, pageSize: true });
export type HouseholdExportQuery = z.infer<typeof HouseholdExportQuerySchema>;

/** At most this many households move in one 批量变更 (a building's households on one day). */
export const HOUSEHOLD_BULK_MAX = 200;

/**
 * 批量变更状态: the selected households, each under the version its editor saw, move to one
 * state on one day (going back needs the reason). All or none.
 */
export const HouseholdBulkTransitionSchema = z.strictObject({
  items: z
    .array(z.strictObject({ id: IdSchema, version: z.number().int().min(1) }))
    .min(1)
    .max(HOUSEHOLD_BULK_MAX)
    .refine(
      (items) => new Set(items.map((i) => i.id)).size === items.length,
      refusal("duplicate", "each household once"),
    ),
  to: HouseholdStateSchema,
  on: IsoDateSchema,
  reason: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
});
export type HouseholdBulkTransition = z.infer<typeof HouseholdBulkTransitionSchema>;

export const HouseholdBulkResultSchema = z.object({ moved: z.number().int().positive() });
export type HouseholdBulkResult = z.infer<typeof HouseholdBulkResultSchema>;

/** A new household, waiting to move back. */
export const HouseholdCreateSchema = z.strictObject({
  headName: z.string().trim().min(1).max(TEXT_MAX.name),
  idNumber: IdNumberSchema,
  phone: PhoneSchema.nullable().optional(),
  address: z.string().trim().min(1).max(TEXT_MAX.title),
  areaM2: AreaSchema,
  approach: ResettlementApproachSchema,
});
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

/** A move of a household's state on a day; going back needs the reason. */
export const HouseholdTransitionSchema = z.strictObject({
  to: HouseholdStateSchema,
  on: IsoDateSchema,
  reason: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
  version: z.number().int().min(1),
});
export type HouseholdTransition = z.infer<typeof HouseholdTransitionSchema>;

/** One household's move, as its history lists it. */
export const HouseholdEventSchema = z.object({
  id: IdSchema,
  from: HouseholdStateSchema.nullable(),
  to: HouseholdStateSchema,
  on: IsoDateSchema,
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: IsoDateTimeSchema,
});
export type HouseholdEvent = z.infer<typeof HouseholdEventSchema>;

/** 查看完整身份证号: an administrator, one household at a time, with the reason (audited). */
export const HouseholdRevealSchema = z.strictObject({ reason: z.string().trim().min(1).max(TEXT_MAX.note) });
export const HouseholdRevealedSchema = z.object({ idNumber: z.string() });

/** Counts by state of a project's registry (回迁户台账). */
export const HouseholdSummarySchema = z.object({
  total: z.number().int().nonnegative(),
  byState: z.record(HouseholdStateSchema, z.number().int().nonnegative()),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummarySchema>;

/**
 * An ID number that passes every check but can never be a real person's: area code 999999
 * (no such 行政区划代码), for demo data and tests. `seq` (0–999) makes it unique per birth date.
 */
export function fictionalIdNumber(seq: number, birth = "19700101"): string {
  const first17 = `999999${birth}${String(seq % 1000).padStart(3, "0")}`;
  return first17 + idCheckDigit(first17);
}
