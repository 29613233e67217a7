import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPlan, PlanSchema, type Plan, type PlanProblem } from "@resettle/domain";
import type { Prisma, PrismaClient } from "./client.js";

export const defaultPlanPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "plans", "panjin.json");

export class PlanRejectedError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(
      `计划未通过校验，共 ${problems.length} 处问题:\n` + problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n"),
    );
    this.name = "PlanRejectedError";
  }
}

/** Parses and checks a plan; throws PlanRejectedError listing every problem. */
export function parsePlan(raw: unknown): Plan {
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success)
    throw new PlanRejectedError(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const problems = checkPlan(parsed.data);
  if (problems.length > 0) throw new PlanRejectedError(problems);
  return parsed.data;
}

export async function readPlanFile(file = defaultPlanPath): Promise<Plan> {
  return parsePlan(JSON.parse(await readFile(file, "utf8")));
}

/**
 * Loads a checked plan in one transaction: all of it or nothing. Idempotent: running it
 * again changes nothing. What administrators may edit later (names, responsibility) is
 * only set when a record is first created; the plan's figures always follow the plan.
 */
/** The reason recorded for the responsibility the plan itself assigns. */
export const PLAN_ASSIGNMENT_REASON = "工作方案确定：属地政府负责";

export async function loadPlan(prisma: PrismaClient, plan: Plan, code = "panjin"): Promise<void> {
  await prisma.$transaction((tx) => writePlan(tx, plan, code), { timeout: 60_000 });
}

/** As loadPlan, inside the caller's transaction (the API's import writes its audit row beside it). */
export async function writePlan(tx: Prisma.TransactionClient, plan: Plan, code = "panjin"): Promise<void> {
  const loadedAt = new Date();
  const checked = parsePlan(plan);
  {
    await tx.plan.upsert({
      where: { code },
      create: { code, title: checked.title, source: checked.source ?? null, years: checked.years },
      update: { title: checked.title, source: checked.source ?? null, years: checked.years },
    });

    const districtIds = new Map<string, string>();
    for (const d of checked.districts) {
      const row = await tx.district.upsert({
        where: { code: d.code },
        create: { code: d.code, name: d.name },
        update: {},
      });
      districtIds.set(d.code, row.id);
      for (const f of checked.floors) {
        await tx.districtFloor.upsert({
          where: { districtId_year: { districtId: row.id, year: f.year } },
          create: { districtId: row.id, year: f.year, minCumulativePercent: f.minCumulativePercent },
          update: { minCumulativePercent: f.minCumulativePercent },
        });
      }
    }

    const departmentIds = new Map<string, string>();
    for (const d of checked.departments) {
      const row = await tx.department.upsert({
        where: { code: d.code },
        create: {
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          kind: d.kind,
          districtId: d.district ? districtIds.get(d.district)! : null,
        },
        update: {},
      });
      departmentIds.set(d.code, row.id);
    }
    const governmentOf = (district: string) =>
      checked.departments.find((d) => d.kind === "district_government" && d.district === district)?.code;

    for (const [index, p] of checked.projects.entries()) {
      const sequence = index + 1;
      const districtId = districtIds.get(p.district)!;
      const responsible = p.responsibleDepartment ?? governmentOf(p.district);
      const project = await tx.project.upsert({
        where: { code: p.code },
        create: {
          code: p.code,
          sequence,
          name: p.name,
          districtId,
          totalHouseholds: p.totalHouseholds,
          approach: p.approach ?? null,
          responsibleDepartmentId: responsible ? departmentIds.get(responsible)! : null,
        },
        update: { sequence, districtId, totalHouseholds: p.totalHouseholds },
      });
      // The plan's own assignment opens the project's responsibility history (包项目到部门).
      if (
        project.responsibleDepartmentId &&
        (await tx.responsibilityAssignment.count({ where: { projectId: project.id, milestoneId: null } })) === 0
      )
        await tx.responsibilityAssignment.create({
          data: {
            projectId: project.id,
            departmentId: project.responsibleDepartmentId,
            personId: project.responsiblePersonId,
            assignedAt: loadedAt,
            reason: PLAN_ASSIGNMENT_REASON,
          },
        });
      const years = p.quotas.map((q) => q.year);
      await tx.yearTarget.deleteMany({ where: { projectId: project.id, year: { notIn: years } } });
      for (const q of p.quotas) {
        await tx.yearTarget.upsert({
          where: { projectId_year: { projectId: project.id, year: q.year } },
          create: { projectId: project.id, year: q.year, plannedHouseholds: q.households },
          update: { plannedHouseholds: q.households },
        });
      }
    }
  }
}
