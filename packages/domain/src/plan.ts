import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { CodeSchema, HouseholdCountSchema, PlanYearSchema } from "./common.js";
import { DepartmentKindSchema } from "./department.js";
import { ResettlementApproachSchema } from "./project.js";

/**
 * A city work plan as it is imported: the figures the plan text states, including the
 * totals it declares, so that the check can compare what adds up with what is claimed.
 */
export const PlanSchema = z.object({
  title: z.string().min(1).max(TEXT_MAX.title),
  source: z.string().max(TEXT_MAX.measure).optional(),
  years: z.array(PlanYearSchema).min(1),
  totalHouseholds: HouseholdCountSchema,
  districts: z
    .array(
      z.object({
        code: CodeSchema,
        name: z.string().min(1).max(TEXT_MAX.name),
        /** Declared in the plan text; checked against the projects. */
        projects: z.number().int().nonnegative(),
        households: HouseholdCountSchema,
      }),
    )
    .min(1),
  /** Minimum cumulative percent each district must reach by the end of each year. */
  floors: z.array(z.object({ year: PlanYearSchema, minCumulativePercent: z.number().min(0).max(100) })),
  departments: z.array(
    z.object({
      code: CodeSchema,
      name: z.string().min(1).max(TEXT_MAX.longName),
      shortName: z.string().min(1).max(TEXT_MAX.departmentShortName),
      kind: DepartmentKindSchema,
      district: CodeSchema.optional(),
    }),
  ),
  projects: z
    .array(
      z.object({
        code: CodeSchema,
        name: z.string().min(1).max(TEXT_MAX.longName),
        district: CodeSchema,
        totalHouseholds: HouseholdCountSchema,
        approach: ResettlementApproachSchema.optional(),
        /** Responsible department code; a district's government when absent. */
        responsibleDepartment: CodeSchema.optional(),
        quotas: z.array(z.object({ year: PlanYearSchema, households: HouseholdCountSchema })),
      }),
    )
    .min(1),
});
export type Plan = z.infer<typeof PlanSchema>;

export type PlanProblem = { path: string; message: string };

const fmt = (n: number) => n.toLocaleString("en-US");

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/**
 * Everything that is wrong with a plan, all at once, so that whoever imports it can fix
 * the text in one pass. An empty list means the plan may be loaded.
 */
export function checkPlan(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const years = new Set(plan.years);
  const districtCodes = new Set(plan.districts.map((d) => d.code));

  for (const code of duplicates(plan.districts.map((d) => d.code))) add("districts", `区代码 ${code} 重复`);
  for (const code of duplicates(plan.departments.map((d) => d.code))) add("departments", `部门代码 ${code} 重复`);
  for (const code of duplicates(plan.projects.map((p) => p.code))) add("projects", `项目代码 ${code} 重复`);
  const departmentCodes = new Set(plan.departments.map((d) => d.code));

  plan.departments.forEach((d, i) => {
    if (d.district && !districtCodes.has(d.district))
      add(`departments.${i}.district`, `部门 ${d.name} 所属区 ${d.district} 不在计划中`);
    if (d.kind === "district_government" && !d.district)
      add(`departments.${i}.district`, `区政府 ${d.name} 须注明所属区`);
  });

  plan.projects.forEach((p, i) => {
    if (!districtCodes.has(p.district)) add(`projects.${i}.district`, `项目 ${p.name} 所属区 ${p.district} 不在计划中`);
    if (p.responsibleDepartment && !departmentCodes.has(p.responsibleDepartment))
      add(`projects.${i}.responsibleDepartment`, `项目 ${p.name} 责任部门 ${p.responsibleDepartment} 不在计划中`);
    for (const y of duplicates(p.quotas.map((q) => String(q.year))))
      add(`projects.${i}.quotas`, `项目 ${p.name} ${y} 年任务重复`);
    p.quotas.forEach((q, j) => {
      if (!years.has(q.year))
        add(`projects.${i}.quotas.${j}.year`, `项目 ${p.name} 的任务年份 ${q.year} 不在计划年度内`);
    });
    const sum = p.quotas.reduce((s, q) => s + q.households, 0);
    if (sum !== p.totalHouseholds)
      add(
        `projects.${i}.quotas`,
        `项目 ${p.name} 年度任务合计 ${fmt(sum)} 户，与总户数 ${fmt(p.totalHouseholds)} 户不符`,
      );
  });

  const projectTotal = plan.projects.reduce((s, p) => s + p.totalHouseholds, 0);
  if (projectTotal !== plan.totalHouseholds)
    add("totalHouseholds", `各项目户数合计 ${fmt(projectTotal)} 户，与计划总户数 ${fmt(plan.totalHouseholds)} 户不符`);

  for (const y of duplicates(plan.floors.map((f) => String(f.year)))) add("floors", `${y} 年底线重复`);
  const floors = [...plan.floors].sort((a, b) => a.year - b.year);
  floors.forEach((f, i) => {
    if (!years.has(f.year)) add("floors", `底线年份 ${f.year} 不在计划年度内`);
    const prev = floors[i - 1];
    if (prev && f.minCumulativePercent < prev.minCumulativePercent)
      add("floors", `${f.year} 年累计底线 ${f.minCumulativePercent}% 低于上一年 ${prev.minCumulativePercent}%`);
  });

  plan.districts.forEach((d, i) => {
    const projects = plan.projects.filter((p) => p.district === d.code);
    const households = projects.reduce((s, p) => s + p.totalHouseholds, 0);
    if (projects.length !== d.projects)
      add(`districts.${i}.projects`, `${d.name} 计划列 ${d.projects} 个项目，实有 ${projects.length} 个`);
    if (households !== d.households)
      add(`districts.${i}.households`, `${d.name} 计划列 ${fmt(d.households)} 户，各项目合计 ${fmt(households)} 户`);
    if (households === 0) return;
    let cumulative = 0;
    for (const year of [...plan.years].sort((a, b) => a - b)) {
      cumulative += projects.reduce(
        (s, p) => s + p.quotas.filter((q) => q.year === year).reduce((t, q) => t + q.households, 0),
        0,
      );
      const floor = floors.find((f) => f.year === year);
      if (!floor) continue;
      const share = (cumulative / households) * 100;
      if (share + 1e-9 < floor.minCumulativePercent)
        add(
          `districts.${i}`,
          `${d.name} 至 ${year} 年底累计计划 ${fmt(cumulative)} 户（${roundPercent(share)}%），低于底线 ${floor.minCumulativePercent}%`,
        );
    }
  });

  return problems;
}

/** Percent with one decimal, as the plan writes it (1,613 of 4,722 → 34.2). */
export function roundPercent(share: number): number {
  return Math.round(share * 10) / 10;
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : roundPercent((part / whole) * 100);
}
