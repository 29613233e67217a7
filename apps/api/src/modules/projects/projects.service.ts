import {
  HEALTH_SEVERITY,
  type AuditQuery,
  type HealthLevel,
  type ProjectDetail,
  type ProjectListQuery,
  type ProjectSummary,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { todayInChina } from "../../lib/clock.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { requireProject } from "../../lib/projects.js";
import { pageOfRows } from "../../lib/paging.js";
import { listAuditEvents } from "../audit/index.js";
import { commonProblemsOfProject } from "../problems/index.js";
import { itemSelect, milestoneSelect, presentItem, presentMilestone } from "../work/index.js";
import { assessProjectLevels, assessProjects } from "./project-health.js";
import { readOldArrearsWithStandard } from "../subsidy/index.js";
import { containsText } from "../../lib/text-search.js";

const ref = { select: { id: true, name: true } } as const;

const summarySelect = {
  id: true,
  code: true,
  sequence: true,
  name: true,
  totalHouseholds: true,
  approach: true,
  status: true,
  problemCategory: true,
  problemStatement: true,
  causes: { select: { cause: ref }, orderBy: { cause: { sortOrder: "asc" } } },
  movedBack: true,
  version: true,
  district: ref,
  responsibleDepartment: ref,
  responsiblePerson: ref,
  yearTargets: { select: { year: true, plannedHouseholds: true }, orderBy: { year: "asc" } },
} satisfies Prisma.ProjectSelect;

type SummaryRow = Prisma.ProjectGetPayload<{ select: typeof summarySelect }>;

function presentSummary({ causes, ...p }: SummaryRow, healthLevel: ProjectSummary["healthLevel"]): ProjectSummary {
  return { ...p, causes: causes.map((c) => c.cause), healthLevel };
}

const orderByField: Record<
  ProjectListQuery["sort"],
  (order: Prisma.SortOrder) => Prisma.ProjectOrderByWithRelationInput
> = {
  sequence: (order) => ({ sequence: order }),
  code: (order) => ({ code: order }),
  name: (order) => ({ name: order }),
  district: (order) => ({ district: { name: order } }),
  totalHouseholds: (order) => ({ totalHouseholds: order }),
  movedBack: (order) => ({ movedBack: order }),
  status: (order) => ({ status: order }),
  // Health is computed, not stored: sorted in listProjectsByHealth.
  health: (order) => ({ sequence: order }),
};

/** The ledger's search: the name, code, district or responsible person contains the term, as typed. */
function searchWhere(q: string | undefined): Prisma.ProjectWhereInput {
  if (!q) return {};
  const contains = containsText(q);
  return {
    OR: [
      { name: contains },
      { code: contains },
      { district: { name: contains } },
      { responsiblePerson: { name: contains } },
    ],
  };
}

/**
 * Every project's green / amber / red as of a day (`assessProjectLevels`), kept by the routes
 * until the next change: the list reads each row's level from it instead of assessing the page.
 */
export type KeptHealthLevels = (asOf: string) => Promise<Map<string, HealthLevel>>;

/**
 * The levels of these projects from the kept map; a project it has not seen (written around the
 * API, which moves no version) is assessed now. The kept map is never written into.
 */
async function levelsOf(db: Db, kept: Promise<Map<string, HealthLevel>>, ids: string[], today: string) {
  const levels = await kept;
  const missing = ids.filter((id) => !levels.has(id));
  if (missing.length === 0) return levels;
  return new Map([...levels, ...(await assessProjectLevels(db, today, missing))]);
}

export async function listProjects(
  { db, clock }: ServiceContext,
  query: ProjectListQuery,
  keptLevels: KeptHealthLevels,
) {
  const today = todayInChina(clock);
  const where: Prisma.ProjectWhereInput = {
    districtId: query.districtId,
    status: query.status,
    problemCategory: query.problemCategory,
    responsibleDepartmentId: query.responsibleDepartmentId,
    ...searchWhere(query.q),
  };
  if (query.sort === "health" || query.health) return listProjectsByHealth(db, query, where, today, keptLevels);
  // Not one transaction: under READ COMMITTED each statement of a transaction reads its own
  // snapshot anyway, so BEGIN and COMMIT would only add two round trips.
  const kept = keptLevels(today);
  const [items, total] = await Promise.all([
    db.project.findMany({
      where,
      select: summarySelect,
      // The code breaks ties so that pages never overlap or skip.
      orderBy: [orderByField[query.sort](query.order), { code: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.project.count({ where }),
  ]);
  const levels = await levelsOf(
    db,
    kept,
    items.map((p) => p.id),
    today,
  );
  const summaries = items.map((p) => presentSummary(p, levels.get(p.id)!));
  return { items: summaries, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Sorted or filtered by green / amber / red, which the rules compute from the ledger: every
 * filtered project's id and place is read (a province has 10,000), its level taken from the
 * kept map, then filtered, sorted and paged here, and only the page's rows read in full. Sorted
 * by health, the plan order breaks ties; otherwise the database's order stands.
 */
async function listProjectsByHealth(
  db: Db,
  query: ProjectListQuery,
  where: Prisma.ProjectWhereInput,
  today: string,
  keptLevels: KeptHealthLevels,
) {
  const byHealth = query.sort === "health";
  const kept = keptLevels(today);
  const all = await db.project.findMany({
    where,
    select: { id: true, sequence: true },
    orderBy: byHealth
      ? [{ sequence: "asc" }, { code: "asc" }]
      : [orderByField[query.sort](query.order), { code: "asc" }],
  });
  const levels = await levelsOf(
    db,
    kept,
    all.map((p) => p.id),
    today,
  );
  const direction = query.order === "asc" ? 1 : -1;
  const chosen = all
    .map((p) => ({ ...p, healthLevel: levels.get(p.id)! }))
    .filter((p) => !query.health || p.healthLevel === query.health);
  const sorted = byHealth
    ? chosen.sort(
        (a, b) =>
          direction * (HEALTH_SEVERITY[a.healthLevel] - HEALTH_SEVERITY[b.healthLevel]) || a.sequence - b.sequence,
      )
    : chosen;
  const page = pageOfRows(sorted, query);
  const rows = await db.project.findMany({ where: { id: { in: page.items.map((p) => p.id) } }, select: summarySelect });
  const byId = new Map(rows.map((p) => [p.id, p]));
  return {
    ...page,
    items: page.items.flatMap((p) => {
      const row = byId.get(p.id);
      return row ? [presentSummary(row, p.healthLevel)] : [];
    }),
  };
}

export async function getProject({ db, clock }: ServiceContext, { id }: { id: string }): Promise<ProjectDetail> {
  const today = todayInChina(clock);
  const project = await db.project.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      milestones: { orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }], select: milestoneSelect },
      items: { orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }], select: itemSelect },
      workingGroup: { select: { group: ref } },
      registeredHouseholds: true,
      // Only whether it has one: the arrears are read only then.
      subsidyStandards: { select: { id: true }, take: 1 },
    },
  });
  if (!project) throw AppError.notFound("Project");
  const { milestones, items, workingGroup, registeredHouseholds, subsidyStandards, ...summary } = project;
  // The page reads all of the project's work and whether it has a subsidy standard: the health
  // rules take them from here rather than reading them again.
  const [assessed, commonProblems] = await Promise.all([
    readOldArrearsWithStandard(db, subsidyStandards.length > 0 ? [id] : [], today).then((oldArrears) =>
      assessProjects(db, [project], today, undefined, oldArrears, { milestones, items }),
    ),
    commonProblemsOfProject(db, id),
  ]);
  const { trajectory, health } = assessed.get(id)!;
  return {
    ...presentSummary(summary, health.level),
    trajectory,
    health,
    items: items.map(presentItem),
    milestones: milestones.map(presentMilestone),
    commonProblems,
    workingGroup: workingGroup?.group ?? null,
    registeredHouseholds,
  };
}

/** The project's change history: its own, its milestones', items' and ledger's changes, newest first. */
export async function projectHistory(
  ctx: ServiceContext,
  { projectId, page, pageSize }: Pick<AuditQuery, "page" | "pageSize"> & { projectId: string },
) {
  await requireProject(ctx.db, projectId);
  return listAuditEvents(ctx, { projectId, page, pageSize });
}
