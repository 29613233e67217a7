import {
  isClosedYear,
  planWindows,
  progressReporterIds,
  type FieldIssue,
  type PlanWindows,
  type ProgressDay,
  type ProgressLedgerPage,
  type ProgressReport,
  type ProgressReportCreate,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { requireProject } from "../../lib/projects.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { outsideWindow } from "../../lib/plan-window.js";
import { todayInChina } from "../../lib/clock.js";
import { requireActFor } from "../../lib/work-rules.js";

const reportSelect = {
  id: true,
  projectId: true,
  reportedOn: true,
  households: true,
  note: true,
  reason: true,
  backdated: true,
  isDemo: true,
  createdAt: true,
  createdBy: { select: { displayName: true } },
} satisfies Prisma.ProgressReportSelect;

const present = ({
  createdBy,
  ...r
}: Prisma.ProgressReportGetPayload<{ select: typeof reportSelect }>): ProgressReport => ({
  ...r,
  reportedOn: toIsoDate(r.reportedOn),
  createdAt: r.createdAt.toISOString(),
  reportedBy: createdBy?.displayName ?? null,
});

/**
 * A page of the ledger, newest first (date, then filing time), with the count and the sum of
 * every entry, so the project's figure can be reconciled with its entries.
 */
export async function listProgressReports(
  { db }: ServiceContext,
  { projectId, page, pageSize }: { projectId: string; page: number; pageSize: number },
): Promise<ProgressLedgerPage> {
  await requireProject(db, projectId);
  const where = { projectId };
  const [rows, totals] = await Promise.all([
    db.progressReport.findMany({
      where,
      orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: reportSelect,
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.progressReport.aggregate({ where, _count: { _all: true }, _sum: { households: true } }),
  ]);
  return {
    items: rows.map(present),
    total: totals._count._all,
    page,
    pageSize,
    households: totals._sum.households ?? 0,
  };
}

/** The ledger summed by day, oldest first: the running-total chart of one project. */
export async function listProgressDays(
  { db }: ServiceContext,
  { projectId }: { projectId: string },
): Promise<ProgressDay[]> {
  await requireProject(db, projectId);
  const days = await db.progressReport.groupBy({
    by: ["reportedOn"],
    where: { projectId },
    _sum: { households: true },
    orderBy: { reportedOn: "asc" },
  });
  return days.map((d) => ({ reportedOn: toIsoDate(d.reportedOn), households: d._sum.households ?? 0 }));
}

/** A ledger entry as `writeLedgerEntry` takes it: the signed count and what the entry says. */
export type LedgerEntryInput = {
  projectId: string;
  projectName: string;
  totalHouseholds: number;
  /** Positive adds households moved back, negative takes them out. */
  households: number;
  reportedOn: string;
  note: string | null;
  reason: string | null;
  backdated: boolean;
  /** The path a refusal names (the report form's count, or the household's move). */
  path: string;
};

/**
 * Adds an entry to the ledger and moves the project's figure in one statement that
 * checks its bounds: `movedBack + n` must stay within 0 … total. Concurrent entries queue
 * on the project's row and each re-checks against the figure the previous one left, so
 * together they can never pass the bounds either. Runs in the caller's transaction (a
 * typed report, or a household settling) with its own audit row.
 */
export async function writeLedgerEntry(tx: Tx, ctx: ServiceContext, input: LedgerEntryInput): Promise<ProgressReport> {
  const { projectId, households: n } = input;
  const moved = await tx.$queryRaw<{ movedBack: number; previous: number }[]>`
    UPDATE "projects"
    SET "movedBack" = "movedBack" + ${n},
        "status" = CASE
          WHEN "movedBack" + ${n} = "totalHouseholds" THEN 'completed'::"ProjectStatus"
          WHEN "status" = 'completed' THEN 'in_progress'::"ProjectStatus"
          ELSE "status" END,
        "version" = "version" + 1,
        "updatedAt" = now()
    WHERE "id" = ${projectId}::uuid AND "movedBack" + ${n} BETWEEN 0 AND "totalHouseholds"
    RETURNING "movedBack", "movedBack" - ${n} AS "previous"`;
  if (moved.length === 0) {
    const { movedBack } = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { movedBack: true } });
    // The count this project can take: the households still to move back, or those moved back.
    const maximum = n < 0 ? movedBack : input.totalHouseholds - movedBack;
    throw AppError.invalid(
      input.path,
      "out_of_bounds",
      `${movedBack} + (${n}) would leave ${movedBack + n} households moved back, outside 0 … ${input.totalHouseholds}`,
      { minimum: 1, maximum, movedBack, totalHouseholds: input.totalHouseholds },
    );
  }
  // Filed by the actor: its name is known, so the INSERT returns the row without reading it back.
  const { createdBy: _createdBy, ...columns } = reportSelect;
  const created = await tx.progressReport.create({
    data: {
      projectId,
      reportedOn: fromIsoDate(input.reportedOn),
      households: n,
      note: input.note,
      reason: input.reason,
      backdated: input.backdated,
      createdById: ctx.actor.id,
    },
    select: columns,
  });
  const report = present({ ...created, createdBy: { displayName: ctx.actor.name } });
  await audit(tx, ctx.actor, {
    action: n < 0 ? "correct_progress" : "report_progress",
    entityType: "progress_report",
    entityId: report.id,
    projectId,
    before: { projectId, project: input.projectName, movedBack: moved[0]!.previous },
    after: {
      movedBack: moved[0]!.movedBack,
      households: n,
      reportedOn: input.reportedOn,
      note: input.note,
      reason: input.reason,
      backdated: input.backdated,
    },
  });
  return report;
}

/**
 * 上报 / 更正 typed by a department. A project with a registry (回迁户台账) takes its figure
 * from its households only: a typed entry there is refused (409 `registry_managed`), or the
 * figure and the registry would part.
 */
export async function reportProgress(
  ctx: ServiceContext,
  { projectId, report: input }: { projectId: string; report: ProgressReportCreate },
): Promise<ProgressReport> {
  return ctx.db.$transaction(async (tx) => {
    const project = await lockProjectToReport(tx, projectId);
    if (!project) throw AppError.notFound("Project");
    const governments = project.governmentIds.map((id) => ({
      id,
      kind: "district_government" as const,
      districtId: project.districtId,
    }));
    requireActFor(ctx.actor.user, "progress.report", progressReporterIds(project, governments));
    if (project.registeredHouseholds > 0)
      throw new AppError(
        "CONFLICT",
        "This project keeps a household registry: households moved back are recorded there, one by one",
        [
          {
            path: "params.id",
            reason: "registry_managed",
            message: "moved-back households come from the registry (回迁户台账)",
          },
        ],
      );
    // After the permission check: a refusal comes before any judgement of the request.
    const backdated = checkReport(input, planWindows(project.planYears ?? [], todayInChina(ctx.clock)));
    return writeLedgerEntry(tx, ctx, {
      projectId,
      projectName: project.name,
      totalHouseholds: project.totalHouseholds,
      households: input.kind === "correction" ? -input.households : input.households,
      reportedOn: input.reportedOn,
      note: input.note ?? null,
      reason: input.reason ?? null,
      backdated,
      path: "body.households",
    });
  });
}

/**
 * Takes the project's row for the transaction, as `lockProject` does (a typed report and the
 * registry's first household queue on it, ADR 012), and in the same statement reads what the
 * checks of a report need: the project, its district's government (属地) and the years of the
 * plan loaded last (`readPlanWindows`). One round trip instead of four.
 */
async function lockProjectToReport(tx: Tx, projectId: string) {
  const [project] = await tx.$queryRaw<
    {
      id: string;
      name: string;
      districtId: string;
      responsibleDepartmentId: string | null;
      totalHouseholds: number;
      registeredHouseholds: number;
      governmentIds: string[];
      planYears: number[] | null;
    }[]
  >`
    SELECT p.id::text, p.name, p."districtId"::text, p."responsibleDepartmentId"::text, p."totalHouseholds",
           p."registeredHouseholds",
           ARRAY(SELECT d.id::text FROM departments d
                 WHERE d.kind = 'district_government' AND d."districtId" = p."districtId") AS "governmentIds",
           (SELECT l.years FROM plans l ORDER BY l."loadedAt" DESC LIMIT 1) AS "planYears"
    FROM projects p WHERE p.id = ${projectId}::uuid
    FOR UPDATE OF p`;
  return project;
}

/**
 * The date and reason a new entry needs, field by field: dated within the plan's window (from
 * the plan's first year to today), and with a reason when it changes a closed year (补报).
 * Answers whether it is back-dated.
 */
function checkReport(input: ProgressReportCreate, windows: PlanWindows): boolean {
  const { today, reportedOn: window } = windows;
  const issues: FieldIssue[] = [];
  if (input.reportedOn > today)
    issues.push({
      path: "body.reportedOn",
      reason: "date_in_future",
      message: `A report cannot be dated after today (${today})`,
      params: { today },
    });
  else {
    const outside = outsideWindow("body.reportedOn", input.reportedOn, window);
    if (outside) issues.push(outside);
  }
  const backdated = isClosedYear(input.reportedOn, today);
  if (backdated && !input.reason)
    issues.push({
      path: "body.reason",
      reason: "reason_required",
      message: `A report dated in ${input.reportedOn.slice(0, 4)}, a year already closed, needs a reason (补报)`,
      params: { year: Number(input.reportedOn.slice(0, 4)) },
    });
  const [first, ...rest] = issues;
  if (first) throw AppError.invalidFields([first, ...rest]);
  return backdated;
}
