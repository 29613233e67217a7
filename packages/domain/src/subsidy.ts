import { z } from "zod";
import { DATE_RANGE, IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { refusal } from "./errors.js";
import { HouseholdStateSchema } from "./household.js";
import { pageOf, PageQuerySchema, QueryBooleanSchema } from "./pagination.js";
import { TEXT_MAX } from "./text-limits.js";

/**
 * 临时安置补助费 (temporary resettlement subsidy): what each household not yet back is owed per
 * month, what was paid, and what is in arrears. Money is integer fen (分) everywhere: in the
 * database, over the API and in every sum; yuan with two decimals exist only on the screen and
 * in workbooks, converted by `yuanToFen` / `fenToYuan` without floating point.
 */

/** The rate is per household per month, or per m² of entitlement per month. */
export const SubsidyBasisSchema = z.enum(["per_household", "per_m2"]);
export type SubsidyBasis = z.infer<typeof SubsidyBasisSchema>;
export const SUBSIDY_BASES = SubsidyBasisSchema.options;

/** A calendar month as written in data: 2019-07. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM")
  .refine(
    (m) => !/^\d{4}-\d{2}$/.test(m) || (m >= DATE_RANGE.min.slice(0, 7) && m <= DATE_RANGE.max.slice(0, 7)),
    refusal("out_of_bounds", `a month from ${DATE_RANGE.min.slice(0, 7)} to ${DATE_RANGE.max.slice(0, 7)}`, undefined, {
      minimum: DATE_RANGE.min.slice(0, 7),
      maximum: DATE_RANGE.max.slice(0, 7),
    }),
  );
export type Month = z.infer<typeof MonthSchema>;

/** The largest single amount the ledger takes: 10 million yuan, in fen (far above any month's subsidy). */
export const FEN_MAX = 1_000_000_000;
/** An amount of money in fen: a whole, positive number. */
export const FenSchema = z.number().int().positive().max(FEN_MAX);

/** The month after `month`. */
export function nextMonth(month: Month): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The last day of a month: the day its subsidy falls due (paid within the month it covers). */
export function monthDueDate(month: Month): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}

/** Whole days from a's date to b's (ISO dates), negative when b is earlier. */
function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** How many days a month's subsidy is overdue on `today` (0 while it is not yet due). */
export function daysOverdue(month: Month, today: string): number {
  return Math.max(0, daysFrom(monthDueDate(month), today));
}

/** The ageing buckets of arrears (账龄): 1–30, 31–90 and more than 90 days overdue. */
export const AGEING_BUCKETS = ["d1to30", "d31to90", "over90"] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export function ageingBucket(days: number): AgeingBucket | null {
  if (days <= 0) return null;
  if (days <= 30) return "d1to30";
  if (days <= 90) return "d31to90";
  return "over90";
}

/**
 * What one household is due for one month under a standard: the rate, or the rate times its
 * area (m², two decimals), rounded half up to the fen. Integer arithmetic only.
 */
export function monthlyDueFen(basis: SubsidyBasis, rateFen: number, areaM2: string): number {
  if (basis === "per_household") return rateFen;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(areaM2.trim());
  if (!match) throw new Error(`not an area: ${areaM2}`);
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Math.floor((rateFen * hundredths + 50) / 100);
}

/**
 * Yuan as people write them (1234, 1,234.5, 1234.50) to fen, exactly; null for anything else
 * (a third decimal, a sign, letters): a wrong amount is refused, never rounded.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1]!.replace(/,/g, "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as yuan with two decimals and thousands separators, as a finance office writes them: 1,234.50. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** One standard of a project: the rate from a month on, until the next standard's month. */
export const SubsidyStandardSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  basis: SubsidyBasisSchema,
  rateFen: FenSchema,
  effectiveFrom: MonthSchema,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type SubsidyStandard = z.infer<typeof SubsidyStandardSchema>;

export const SubsidyStandardCreateSchema = z.strictObject({
  basis: SubsidyBasisSchema,
  rateFen: FenSchema,
  effectiveFrom: MonthSchema,
  note: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
});
export type SubsidyStandardCreate = z.infer<typeof SubsidyStandardCreateSchema>;

/** Amounts owed, in fen, by how long they have been overdue. */
export const AgeingSchema = z.object({
  d1to30: z.number().int().nonnegative(),
  d31to90: z.number().int().nonnegative(),
  over90: z.number().int().nonnegative(),
});
export type Ageing = z.infer<typeof AgeingSchema>;

/** Arrears (欠发) of a project, a district or the city: households owed, the amount, the oldest unpaid month, the ageing. */
export const ArrearsSummarySchema = z.object({
  /** Households with at least one overdue month not paid in full. */
  households: z.number().int().nonnegative(),
  /** In fen. */
  amountOwed: z.number().int().nonnegative(),
  oldestDueMonth: MonthSchema.nullable(),
  buckets: AgeingSchema,
});
export type ArrearsSummary = z.infer<typeof ArrearsSummarySchema>;

/** A project's arrears, named. */
export const ProjectArrearsSchema = ArrearsSummarySchema.extend({
  projectId: IdSchema,
  projectName: z.string(),
  districtId: IdSchema,
  districtName: z.string(),
});
export type ProjectArrears = z.infer<typeof ProjectArrearsSchema>;

export const ArrearsQuerySchema = z.object({
  districtId: IdSchema.optional(),
  projectId: IdSchema.optional(),
});
export type ArrearsQuery = z.infer<typeof ArrearsQuerySchema>;

/** Arrears per project (only projects with a standard), with the totals over them and by district. */
export const ArrearsReportSchema = z.object({
  asOf: IsoDateSchema,
  projects: z.array(ProjectArrearsSchema),
  districts: z.array(ArrearsSummarySchema.extend({ districtId: IdSchema, districtName: z.string() })),
  total: ArrearsSummarySchema,
});
export type ArrearsReport = z.infer<typeof ArrearsReportSchema>;

/** One household's account: what it was due, what it was paid, what it is owed. */
export const HouseholdSubsidySchema = z.object({
  householdId: IdSchema,
  headName: z.string(),
  idNumberMasked: z.string(),
  state: HouseholdStateSchema,
  /** Months due so far (the start month to this month, or to the month it settled). */
  monthsDue: z.number().int().nonnegative(),
  dueFen: z.number().int().nonnegative(),
  paidFen: z.number().int().nonnegative(),
  /** Owed for months already overdue, in fen. */
  owedFen: z.number().int().nonnegative(),
  oldestDueMonth: MonthSchema.nullable(),
  buckets: AgeingSchema,
});
export type HouseholdSubsidy = z.infer<typeof HouseholdSubsidySchema>;

export const HouseholdSubsidyPageSchema = pageOf(HouseholdSubsidySchema);

export const HouseholdSubsidyQuerySchema = PageQuerySchema.extend({
  /** Only households owed money now. */
  owing: QueryBooleanSchema.optional(),
  q: z.string().trim().max(TEXT_MAX.name).optional(),
});
export type HouseholdSubsidyQuery = z.infer<typeof HouseholdSubsidyQuerySchema>;

/** A project's subsidy: its standards and its arrears. */
export const ProjectSubsidySchema = z.object({
  projectId: IdSchema,
  standards: z.array(SubsidyStandardSchema),
  /** The first month any household of the project is due (the earliest standard's). */
  startMonth: MonthSchema.nullable(),
  arrears: ProjectArrearsSchema.nullable(),
});
export type ProjectSubsidy = z.infer<typeof ProjectSubsidySchema>;

/** One month of one household: due, paid, owed, and how late. */
export const SubsidyMonthSchema = z.object({
  month: MonthSchema,
  dueFen: z.number().int().nonnegative(),
  paidFen: z.number().int().nonnegative(),
  owedFen: z.number().int().nonnegative(),
  daysOverdue: z.number().int().nonnegative(),
});
export type SubsidyMonth = z.infer<typeof SubsidyMonthSchema>;

export const SubsidyPaymentSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  month: MonthSchema,
  amountFen: FenSchema,
  paidOn: IsoDateSchema,
  voucherNo: z.string(),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: IsoDateTimeSchema,
});
export type SubsidyPayment = z.infer<typeof SubsidyPaymentSchema>;

/** A household's months (latest first) and its payments. */
export const HouseholdSubsidyDetailSchema = z.object({
  account: HouseholdSubsidySchema,
  months: z.array(SubsidyMonthSchema),
  payments: z.array(SubsidyPaymentSchema),
});
export type HouseholdSubsidyDetail = z.infer<typeof HouseholdSubsidyDetailSchema>;

/** 凭证号: the finance office's voucher; letters, digits and -/_. */
export const VoucherNoSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z\-_/]+$/, "letters, digits, - _ /");

export const SubsidyPaymentCreateSchema = z.strictObject({
  month: MonthSchema,
  amountFen: FenSchema,
  paidOn: IsoDateSchema,
  voucherNo: VoucherNoSchema,
  note: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
});
export type SubsidyPaymentCreate = z.infer<typeof SubsidyPaymentCreateSchema>;

/**
 * 补助发放导入: a month's payments of a project from a workbook (the finance office's list), all
 * or nothing. Sheet 补助发放 (or the first), headers in row 1, one payment a row.
 */
export const SUBSIDY_IMPORT_SHEET = "补助发放";
/** The most payments one workbook may list. */
export const SUBSIDY_IMPORT_MAX_ROWS = 20_000;
/** The columns, found by their header: the household by its ID number (户主姓名 is checked against it). */
export const PAYMENT_IMPORT_COLUMNS = [
  { field: "idNumber", header: "身份证号", required: true },
  { field: "headName", header: "户主姓名", required: false },
  { field: "month", header: "补助月份", required: true },
  { field: "amount", header: "金额（元）", required: true },
  { field: "paidOn", header: "发放日期", required: true },
  { field: "voucherNo", header: "凭证号", required: true },
] as const;
export type PaymentImportField = (typeof PAYMENT_IMPORT_COLUMNS)[number]["field"];

/** `POST /api/projects/:id/subsidy/payments/import` → 201: how many payments, how much in all (fen). */
export const SubsidyImportResultSchema = z.object({
  created: z.number().int().positive(),
  amountFen: z.number().int().positive(),
});
export type SubsidyImportResult = z.infer<typeof SubsidyImportResultSchema>;
