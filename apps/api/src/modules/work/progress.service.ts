import { progressReporterIds, type ProgressReport, type ProgressReportCreate } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { requireProject } from "../../lib/projects.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { requireActFor } from "../../lib/work-rules.js";

const reportSelect = {
  id: true,
  projectId: true,
  reportedOn: true,
  households: true,
  note: true,
  reason: true,
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

/** The ledger, newest first. */
export async function listProgressReports(
  { db }: ServiceContext,
  { projectId }: { projectId: string },
): Promise<ProgressReport[]> {
  await requireProject(db, projectId);
  const rows = await db.progressReport.findMany({
    where: { projectId },
    orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
    select: reportSelect,
    take: 500,
  });
  return rows.map(present);
}

/**
 * Adds an entry to the ledger and moves the project's figure in one statement that
 * checks its bounds: `movedBack + n` must stay within 0 … total. Concurrent reports queue
 * on the project's row and each re-checks against the figure the previous one left, so
 * together they can never pass the bounds either.
 */
export async function reportProgress(
  ctx: ServiceContext,
  { projectId, report: input }: { projectId: string; report: ProgressReportCreate },
): Promise<ProgressReport> {
  const today = todayInChina(ctx.clock);
  return ctx.db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: projectId },
      select: { id: true, name: true, districtId: true, responsibleDepartmentId: true, totalHouseholds: true },
    });
    if (!project) throw AppError.notFound("Project");
    const governments = await tx.department.findMany({
      where: { kind: "district_government", districtId: project.districtId },
      select: { id: true, kind: true, districtId: true },
    });
    requireActFor(ctx.actor.user, "progress.report", progressReporterIds(project, governments));
    // After the permission check: a refusal comes before any judgement of the request.
    if (input.reportedOn > today)
      throw AppError.invalid("body.reportedOn", "date_in_future", `A report cannot be dated after today (${today})`, {
        today,
      });

    const n = input.households;
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
      const { movedBack } = await tx.project.findUniqueOrThrow({
        where: { id: projectId },
        select: { movedBack: true },
      });
      throw AppError.invalid(
        "body.households",
        "out_of_bounds",
        `${movedBack} + (${n}) would leave ${movedBack + n} households moved back, outside 0 … ${project.totalHouseholds}`,
      );
    }
    const report = present(
      await tx.progressReport.create({
        data: {
          projectId,
          reportedOn: fromIsoDate(input.reportedOn),
          households: n,
          note: input.note ?? null,
          reason: input.reason ?? null,
          createdById: ctx.actor.id,
        },
        select: reportSelect,
      }),
    );
    await audit(tx, ctx.actor, {
      action: n < 0 ? "correct_progress" : "report_progress",
      entityType: "progress_report",
      entityId: report.id,
      projectId,
      before: { projectId, project: project.name, movedBack: moved[0]!.previous },
      after: {
        movedBack: moved[0]!.movedBack,
        households: n,
        reportedOn: input.reportedOn,
        note: input.note ?? null,
        reason: input.reason ?? null,
      },
    });
    return report;
  });
}
