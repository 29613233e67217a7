import {
  IsoDateSchema,
  MonthSchema,
  PAYMENT_IMPORT_COLUMNS,
  SUBSIDY_IMPORT_MAX_ROWS,
  VoucherNoSchema,
  fenToYuan,
  isWithin,
  yuanToFen,
  type DateWindow,
  type FieldIssueParams,
  type FieldReason,
  type Month,
  type PaymentImportField,
} from "@resettle/domain";
import type { CellValue, ImportProblem, ImportSheet } from "../households/index.js";

// The payment import's rules without a database: a sheet of plain values in, the payments it
// lists and every problem out. The service adds what only the database knows (which household
// an ID number is, what is still open for each month) through `checkAgainstAccounts`.

type ImportedPayment = {
  row: number;
  idNumber: string;
  headName: string | null;
  month: Month;
  amountFen: number;
  paidOn: string;
  voucherNo: string;
};

export type CheckedPayments = {
  payments: ImportedPayment[];
  problems: ImportProblem[];
  columns: Partial<Record<PaymentImportField, number>>;
};

const HEADER_OF = Object.fromEntries(PAYMENT_IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<
  PaymentImportField,
  string
>;

/** Headers compared without spaces and with either kind of brackets. */
const headerKey = (header: string) => header.replace(/\s/g, "").replace(/[（(]/g, "(").replace(/[）)]/g, ")");

export function problem(
  row: number | undefined,
  field: PaymentImportField | undefined,
  columns: CheckedPayments["columns"],
  issue: { reason: FieldReason; message: string; text: string; params?: FieldIssueParams },
): ImportProblem {
  const columnNumber = field ? columns[field] : undefined;
  return {
    path: row === undefined ? "body.file" : `body.file.rows.${row}${field ? `.${field}` : ""}`,
    reason: issue.reason,
    message: issue.message,
    ...(issue.params ? { params: issue.params } : {}),
    ...(row === undefined ? {} : { row }),
    ...(field ? { column: HEADER_OF[field] } : {}),
    text: issue.text,
    ...(columnNumber === undefined ? {} : { columnNumber }),
  };
}

/** A cell as text: numbers as written (an ID number typed as a number loses nothing up to 15 digits). */
const text = (value: CellValue | undefined): string =>
  value === undefined || value === null ? "" : value instanceof Date ? value.toISOString() : String(value).trim();

/** A day from a date cell (Excel's dates arrive as UTC midnights) or a typed 2026-11-24 / 2026/11/24. */
function dayOf(value: CellValue | undefined): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text(value));
  if (!match) return null;
  const day = `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  return IsoDateSchema.safeParse(day).success ? day : null;
}

/** A month from a date cell (its month) or a typed 2026-06 / 2026/6 / 2026年6月. */
function monthOf(value: CellValue | undefined): Month | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 7);
  const match = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text(value));
  if (!match) return null;
  const month = `${match[1]}-${match[2]!.padStart(2, "0")}`;
  return MonthSchema.safeParse(month).success ? month : null;
}

/** Yuan from a number cell or typed text; a float from Excel is read back as the shortest decimal it prints as. */
function fenOf(value: CellValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? yuanToFen(String(value)) : null;
  return yuanToFen(text(value));
}

/** Every row checked on its own: the columns present, each value's form, no payment twice. */
export function checkPaymentRows(sheet: ImportSheet, { today, window }: { today: string; window: DateWindow }) {
  const columns: CheckedPayments["columns"] = {};
  for (const [column, header] of sheet.headers) {
    const field = PAYMENT_IMPORT_COLUMNS.find((c) => headerKey(c.header) === headerKey(header))?.field;
    if (field && columns[field] === undefined) columns[field] = column;
  }
  const problems: ImportProblem[] = [];
  for (const { field, header, required } of PAYMENT_IMPORT_COLUMNS)
    if (required && columns[field] === undefined)
      problems.push(
        problem(undefined, undefined, columns, {
          reason: "invalid_format",
          message: `the column ${header} is missing`,
          text: `缺少「${header}」列（第 1 行的表头）`,
          params: { column: header },
        }),
      );
  if (problems.length > 0) return { payments: [], problems, columns };
  if (sheet.rows.length === 0)
    return {
      payments: [],
      problems: [
        problem(undefined, undefined, columns, {
          reason: "too_small",
          message: "the file lists no payment",
          text: "表中没有发放记录",
        }),
      ],
      columns,
    };
  if (sheet.rows.length > SUBSIDY_IMPORT_MAX_ROWS)
    return {
      payments: [],
      problems: [
        problem(undefined, undefined, columns, {
          reason: "too_big",
          message: `at most ${SUBSIDY_IMPORT_MAX_ROWS} payments a file`,
          text: `一个文件最多 ${SUBSIDY_IMPORT_MAX_ROWS} 条发放记录`,
          params: { maximum: SUBSIDY_IMPORT_MAX_ROWS },
        }),
      ],
      columns,
    };

  const payments: ImportedPayment[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const cell = (field: PaymentImportField) => (columns[field] === undefined ? undefined : cells.get(columns[field]!));
    const bad = (field: PaymentImportField, issue: Parameters<typeof problem>[3]) =>
      problems.push(problem(row, field, columns, issue));
    const before = problems.length;

    const idNumber = text(cell("idNumber")).toUpperCase();
    if (!/^\d{17}[\dX]$/.test(idNumber))
      bad("idNumber", {
        reason: "id_number_invalid",
        message: "an 18-character ID number",
        text: "身份证号应为 18 位",
      });
    const month = monthOf(cell("month"));
    if (!month)
      bad("month", { reason: "invalid_format", message: "a month such as 2026-06", text: "补助月份应写作 2026-06" });
    const amountFen = fenOf(cell("amount"));
    if (amountFen === null || amountFen <= 0)
      bad("amount", {
        reason: "invalid_format",
        message: "an amount in yuan above 0 with at most two decimals",
        text: "金额应为大于 0 的元数，最多两位小数",
      });
    const paidOn = dayOf(cell("paidOn"));
    if (!paidOn)
      bad("paidOn", {
        reason: "invalid_format",
        message: "a day such as 2026-11-24",
        text: "发放日期应写作 2026-11-24",
      });
    else if (paidOn > today)
      bad("paidOn", {
        reason: "date_in_future",
        message: "a payment is recorded once made",
        text: `发放日期不能晚于今天（${today}）`,
        params: { maximum: today },
      });
    else if (!isWithin(paidOn, window))
      bad("paidOn", {
        reason: "out_of_bounds",
        message: `from ${window.minimum} to ${window.maximum}`,
        text: `发放日期应在 ${window.minimum} 至 ${window.maximum} 之间`,
        params: { minimum: window.minimum, maximum: window.maximum },
      });
    const voucherNo = text(cell("voucherNo"));
    if (!VoucherNoSchema.safeParse(voucherNo).success)
      bad("voucherNo", {
        reason: "invalid_format",
        message: "letters, digits, - _ /, at most 40",
        text: "凭证号应为字母、数字和 - _ /，最多 40 个字符",
      });
    const key = `${idNumber}|${month}`;
    if (month && /^\d{17}[\dX]$/.test(idNumber)) {
      const first = seen.get(key);
      if (first !== undefined)
        bad("month", {
          reason: "duplicate",
          message: `the same household and month as row ${first}`,
          text: `与第 ${first} 行是同一户同一月份`,
          params: { row: first },
        });
      else seen.set(key, row);
    }
    if (problems.length === before)
      payments.push({
        row,
        idNumber,
        headName: text(cell("headName")) || null,
        month: month!,
        amountFen: amountFen!,
        paidOn: paidOn!,
        voucherNo,
      });
  }
  return { payments, problems, columns };
}

/** What the database says of one household and month: who it is and what is still open. */
export type AccountFacts = {
  households: Map<string, { id: string; headName: string }>;
  /** `${householdId}|${month}` → fen still open; absent: not a month the household is due for. */
  open: Map<string, number>;
};

/** The rows against the project's households and their open months. */
export function checkAgainstAccounts(checked: CheckedPayments, facts: AccountFacts): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const p of checked.payments) {
    const bad = (field: PaymentImportField, issue: Parameters<typeof problem>[3]) =>
      problems.push(problem(p.row, field, checked.columns, issue));
    const household = facts.households.get(p.idNumber);
    if (!household) {
      bad("idNumber", {
        reason: "unknown_reference",
        message: "no household of this project has this ID number",
        text: "本项目的回迁户台账中没有这个身份证号",
      });
      continue;
    }
    if (p.headName && p.headName !== household.headName.replace(/（演示）$/, "") && p.headName !== household.headName)
      bad("headName", {
        reason: "invalid_value",
        message: "the name differs from the registry's for this ID number",
        text: `与台账中该身份证号的户主（${household.headName}）不符`,
      });
    const open = facts.open.get(`${household.id}|${p.month}`);
    if (open === undefined)
      bad("month", {
        reason: "not_due",
        message: "the household is not due for this month",
        text: "该户不应领取这个月份的补助",
      });
    else if (p.amountFen > open)
      bad("amount", {
        reason: "overpaid",
        message: "more than is still open for the month",
        text: open === 0 ? "该月已足额发放" : `超过该月尚未发放的金额（${fenToYuan(open)} 元）`,
        params: { maximum: open, amount: fenToYuan(open) },
      });
  }
  return problems;
}
