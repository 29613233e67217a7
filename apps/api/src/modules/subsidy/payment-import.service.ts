import { createHash } from "node:crypto";
import {
  fenToYuan,
  maskIdNumber,
  PAYMENT_IMPORT_COLUMNS,
  SUBSIDY_IMPORT_SHEET,
  type SubsidyImportResult,
} from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { readPlanWindows } from "../../lib/plan-window.js";
import { lockProject } from "../../lib/projects.js";
import {
  annotateWorkbook,
  findProject,
  loadWorkbook,
  readImportSheet,
  requireRegistryKeeper,
  type ImportProblem,
} from "../households/index.js";
import { readOpenMonths } from "./arrears.js";
import { checkAgainstAccounts, checkPaymentRows, type CheckedPayments } from "./payment-import.js";

/** At most this many problems travel in a refusal. */
const MAX_DETAILS = 1000;
const TRANSACTION_TIMEOUT_MS = 120_000;

/** Who may import a project's payments (its registry's keepers), asked before a byte of the file is read. */
export async function authorizePaymentImport(ctx: ServiceContext, projectId: string): Promise<void> {
  await requireRegistryKeeper(ctx.db, ctx, await findProject(ctx.db, projectId), "subsidy.record");
}

function importRefused(problems: ImportProblem[]): AppError {
  const sorted = [...problems].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnNumber ?? 0) - (b.columnNumber ?? 0),
  );
  const details = sorted.slice(0, MAX_DETAILS).map(({ text: _text, columnNumber: _column, ...issue }) => issue);
  const listed = problems.length > MAX_DETAILS ? ` (the first ${MAX_DETAILS} listed)` : "";
  return new AppError(
    "IMPORT_REFUSED",
    `Nothing was imported: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the file${listed}`,
    details,
  );
}

/** The file read and each row checked on its own. */
async function checkPaymentFile(ctx: ServiceContext, bytes: Buffer) {
  const workbook = await loadWorkbook(bytes);
  const { today, reportedOn } = await readPlanWindows(ctx.db, ctx.clock);
  const checked = checkPaymentRows(readImportSheet(workbook, SUBSIDY_IMPORT_SHEET), { today, window: reportedOn });
  return { workbook, checked, today };
}

/** The rows' own problems and those against the registry and the accounts (a month due, no more than is open). */
async function allProblems(db: Db, projectId: string, checked: CheckedPayments, today: string) {
  const found = await db.household.findMany({
    where: { projectId, idNumber: { in: checked.payments.map((p) => p.idNumber) } },
    select: { id: true, idNumber: true, headName: true },
  });
  const households = new Map(found.map((h) => [h.idNumber, { id: h.id, headName: h.headName }]));
  const open = await readOpenMonths(
    db,
    projectId,
    today,
    found.map((h) => h.id),
  );
  return { problems: [...checked.problems, ...checkAgainstAccounts(checked, { households, open })], households };
}

/**
 * 下载标注错误的工作簿: the payments file back with its problems marked (column 错误, red cells),
 * checked as the import checks it; writes nothing.
 */
export async function annotatePayments(
  ctx: ServiceContext,
  { projectId, bytes }: { projectId: string; bytes: Buffer },
): Promise<{ workbook: Buffer; problems: number }> {
  const { workbook, checked, today } = await checkPaymentFile(ctx, bytes);
  await findProject(ctx.db, projectId);
  const { problems } = await allProblems(ctx.db, projectId, checked, today);
  const marked = await annotateWorkbook(workbook, problems, {
    sheetName: SUBSIDY_IMPORT_SHEET,
    columns: PAYMENT_IMPORT_COLUMNS.length,
  });
  return { workbook: marked, problems: problems.length };
}

/**
 * 导入补助发放: a workbook of payments for a project's households, all or nothing. Each row is
 * checked on its own, then against the registry (the ID number is one of the project's
 * households) and the accounts (a month it is due for, no more than is open), inside the
 * transaction that holds the project's lock, so a payment recorded meanwhile is counted.
 */
export async function importPayments(
  ctx: ServiceContext,
  { projectId, fileName, bytes }: { projectId: string; fileName: string; bytes: Buffer },
): Promise<SubsidyImportResult> {
  const { checked, today } = await checkPaymentFile(ctx, bytes);
  if (checked.problems.length > 0 && checked.payments.length === 0) throw importRefused(checked.problems);
  return ctx.db.$transaction(
    async (tx) => {
      await lockProject(tx, projectId);
      const project = await findProject(tx, projectId);
      const { problems, households } = await allProblems(tx, projectId, checked, today);
      if (problems.length > 0) throw importRefused(problems);
      const rows = checked.payments.map((p) => ({ ...p, householdId: households.get(p.idNumber)!.id }));
      await tx.$executeRaw`
        INSERT INTO "subsidy_payments" ("householdId", "projectId", "month", "amountFen", "paidOn", "voucherNo", "createdById")
        SELECT r.household, ${projectId}::uuid, r.month, r.amount, r.paid_on, r.voucher, ${ctx.actor.id}::uuid
        FROM unnest(
          ${rows.map((r) => r.householdId)}::uuid[], ${rows.map((r) => `${r.month}-01`)}::date[],
          ${rows.map((r) => r.amountFen)}::int[], ${rows.map((r) => r.paidOn)}::date[], ${rows.map((r) => r.voucherNo)}::text[]
        ) AS r(household, month, amount, paid_on, voucher)`;
      const amountFen = rows.reduce((sum, r) => sum + r.amountFen, 0);
      await audit(tx, ctx.actor, {
        action: "import_payments",
        entityType: "project",
        entityId: projectId,
        projectId: project.id,
        after: {
          created: rows.length,
          amount: fenToYuan(amountFen),
          months: [...new Set(rows.map((r) => r.month))].sort(),
          households: rows.length <= 20 ? rows.map((r) => maskIdNumber(r.idNumber)) : undefined,
          fileName,
          sha256: createHash("sha256").update(bytes).digest("hex"),
        },
      });
      return { created: rows.length, amountFen };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}
