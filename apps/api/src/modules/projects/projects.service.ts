import {
  HEALTH_SEVERITY,
  type AuditQuery,
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
import { assessProjects } from "./project-health.js";
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

export async function listProjects({ db, clock }: ServiceContext, query: ProjectListQuery) {
  const today = todayInChina(clock);
  const where: Prisma.ProjectWhereInput = {
    districtId: query.districtId,
    status: query.status,
    problemCategory: query.problemCategory,
    responsibleDepartmentId: query.responsibleDepartmentId,
    ...searchWhere(query.q),
  };
  if (query.sort === "health" || query.health) return listProjectsByHealth(db, query, where, today);
  const [items, total] = await db.$transaction([
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
  const assessed = await assessProjects(db, items, today);
  const summaries = items.map((p) => presentSummary(p, assessed.get(p.id)!.health.level));
  return { items: summaries, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Sorted or filtered by green / amber / red, which the rules compute from the ledger: the
 * filtered projects are assessed together (a city has tens to hundreds of them; three
 * queries whatever their number), then filtered, sorted and paged here. Sorted by health,
 * the plan order breaks ties; otherwise the database's order stands.
 */
async function listProjectsByHealth(db: Db, query: ProjectListQuery, where: Prisma.ProjectWhereInput, today: string) {
  const byHealth = query.sort === "health";
  const all = await db.project.findMany({
    where,
    select: summarySelect,
    orderBy: byHealth
      ? [{ sequence: "asc" }, { code: "asc" }]
      : [orderByField[query.sort](query.order), { code: "asc" }],
  });
  const assessed = await assessProjects(db, all, today);
  const direction = query.order === "asc" ? 1 : -1;
  const summaries = all
    .map((p) => presentSummary(p, assessed.get(p.id)!.health.level))
    .filter((p) => !query.health || p.healthLevel === query.health);
  const sorted = byHealth
    ? summaries.sort(
        (a, b) =>
          direction * (HEALTH_SEVERITY[a.healthLevel] - HEALTH_SEVERITY[b.healthLevel]) || a.sequence - b.sequence,
      )
    : summaries;
  return pageOfRows(sorted, query);
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
    },
  });
  if (!project) throw AppError.notFound("Project");
  const { trajectory, health } = (await assessProjects(db, [project], today)).get(id)!;
  const { milestones, items, workingGroup, registeredHouseholds, ...summary } = project;
  return {
    ...presentSummary(summary, health.level),
    trajectory,
    health,
    items: items.map(presentItem),
    milestones: milestones.map(presentMilestone),
    commonProblems: await commonProblemsOfProject(db, id),
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
