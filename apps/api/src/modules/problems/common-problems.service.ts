import {
  can,
  CommonProblemStatusSchema,
  type CommonProblem,
  type CommonProblemCreate,
  type CommonProblemListQuery,
  type CommonProblemUpdate,
  type FieldIssue,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type AuditActor } from "../../lib/audit.js";
import type { Db, ServiceContext, Tx } from "../../lib/context.js";
import { asSet, updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { requireActFor, statusChange, type StatusColumns } from "../../lib/work-rules.js";

const ref = { select: { id: true, name: true } } as const;

const commonProblemSelect = {
  id: true,
  title: true,
  description: true,
  measure: true,
  district: ref,
  responsibleDepartment: ref,
  status: true,
  blockedReason: true,
  updatedAt: true,
  version: true,
  projects: {
    select: { project: { select: { id: true, name: true, totalHouseholds: true, movedBack: true, sequence: true } } },
    orderBy: { project: { sequence: "asc" } },
  },
} satisfies Prisma.CommonProblemSelect;

function presentCommonProblem({
  projects,
  updatedAt,
  ...row
}: Prisma.CommonProblemGetPayload<{ select: typeof commonProblemSelect }>): CommonProblem {
  return {
    ...row,
    // A CHECK keeps 待复核 off common problems: they are never verified.
    status: CommonProblemStatusSchema.parse(row.status),
    updatedAt: updatedAt.toISOString(),
    projects: projects.map(({ project: { sequence: _sequence, ...p } }) => p),
  };
}

/** The common problems a project is linked to, for its page. */
export async function commonProblemsOfProject(db: Db, projectId: string): Promise<CommonProblem[]> {
  const rows = await db.commonProblem.findMany({
    where: { projects: { some: { projectId } } },
    orderBy: [{ createdAt: "asc" }],
    select: commonProblemSelect,
  });
  return rows.map(presentCommonProblem);
}

export async function listCommonProblems({ db }: ServiceContext, query: CommonProblemListQuery) {
  const where: Prisma.CommonProblemWhereInput = {
    districtId: query.districtId,
    status: query.status,
    ...(query.projectId ? { projects: { some: { projectId: query.projectId } } } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.commonProblem.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: commonProblemSelect,
    }),
    db.commonProblem.count({ where }),
  ]);
  return { items: rows.map(presentCommonProblem), total, page: query.page, pageSize: query.pageSize };
}

const findCommonProblem = async (db: Db, id: string) => {
  const row = await db.commonProblem.findUnique({ where: { id }, select: commonProblemSelect });
  return row && presentCommonProblem(row);
};

export async function getCommonProblem({ db }: ServiceContext, { id }: { id: string }): Promise<CommonProblem> {
  const found = await findCommonProblem(db, id);
  if (!found) throw AppError.notFound("Common problem");
  return found;
}

/** What the audit trail keeps of a common problem: names, which a reader recognises, rather than ids and figures. */
const auditView = (p: CommonProblem) => ({
  title: p.title,
  description: p.description,
  measure: p.measure,
  district: p.district?.name ?? null,
  responsibleDepartment: p.responsibleDepartment?.name ?? null,
  status: p.status,
  blockedReason: p.blockedReason,
  projects: p.projects.map((x) => x.name),
});

/** A cleared text box arrives as "": nothing. */
const text = (value: string | null | undefined) => (value === undefined ? undefined : value || null);

/**
 * The district, the department and the projects must exist, and a district-level measure
 * covers projects of that district only. Every offending field is reported at once.
 * `projectIds` are the new links (checked one by one) or, when they stay, the current ones
 * (then a new district that does not contain them is the field at fault).
 */
async function checkPlanning(
  tx: Tx,
  next: { districtId: string | null; responsibleDepartmentId: string | null; projectIds: string[] },
  given: { districtId: boolean; responsibleDepartmentId: boolean; projectIds: boolean },
) {
  const issues: FieldIssue[] = [];
  const district = next.districtId
    ? await tx.district.findUnique({ where: { id: next.districtId }, select: { id: true, name: true } })
    : null;
  if (given.districtId && next.districtId && !district)
    issues.push({ path: "body.districtId", reason: "unknown_reference", message: "No such district" });
  if (
    given.responsibleDepartmentId &&
    next.responsibleDepartmentId &&
    !(await tx.department.findUnique({ where: { id: next.responsibleDepartmentId }, select: { id: true } }))
  )
    issues.push({ path: "body.responsibleDepartmentId", reason: "unknown_reference", message: "No such department" });
  const projects = new Map(
    (
      await tx.project.findMany({
        where: { id: { in: next.projectIds } },
        select: { id: true, name: true, districtId: true },
      })
    ).map((p) => [p.id, p]),
  );
  next.projectIds.forEach((id, i) => {
    const project = projects.get(id);
    const path = given.projectIds ? `body.projectIds.${i}` : "body.districtId";
    if (!project) issues.push({ path, reason: "unknown_reference", message: "No such project" });
    else if (district && project.districtId !== district.id)
      issues.push({
        path,
        reason: "project_other_district",
        message: `${project.name} is not in ${district.name}`,
        params: { name: project.name, district: district.name },
      });
  });
  const [first, ...rest] = issues;
  if (first) throw AppError.invalidFields([first, ...rest]);
}

/**
 * Linking a project to a common problem classifies an unclassified one as 共性; a project
 * already classified keeps its category (個性 projects can share a common cause too).
 * Audited on each project, so its own history shows it.
 */
async function classifyLinkedProjects(tx: Tx, actor: AuditActor, projectIds: string[], title: string) {
  const marked = await tx.project.updateManyAndReturn({
    where: { id: { in: projectIds }, problemCategory: "none" },
    data: { problemCategory: "common", version: { increment: 1 } },
    select: { id: true, name: true },
  });
  for (const project of marked)
    await audit(tx, actor, {
      action: "problem_update",
      entityType: "project",
      entityId: project.id,
      before: { problemCategory: "none" },
      after: { problemCategory: "common", commonProblem: title },
    });
  return marked.map((p) => p.name);
}

export async function createCommonProblem(
  ctx: ServiceContext,
  { projectIds, ...input }: CommonProblemCreate,
): Promise<CommonProblem> {
  return ctx.db.$transaction(async (tx) => {
    await checkPlanning(
      tx,
      { ...input, projectIds },
      { districtId: true, responsibleDepartmentId: true, projectIds: true },
    );
    const { id } = await tx.commonProblem.create({
      data: {
        ...input,
        description: text(input.description),
        measure: text(input.measure),
        projects: { create: projectIds.map((projectId) => ({ projectId })) },
      },
      select: { id: true },
    });
    const created = (await findCommonProblem(tx, id))!;
    const projectsMarkedCommon = await classifyLinkedProjects(tx, ctx.actor, projectIds, created.title);
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "common_problem",
      entityId: id,
      after: { ...auditView(created), ...(projectsMarkedCommon.length ? { projectsMarkedCommon } : {}) },
    });
    return created;
  });
}

const planningKeys = [
  "title",
  "description",
  "measure",
  "districtId",
  "responsibleDepartmentId",
  "projectIds",
] as const;

type CommonProblemFields = {
  title: string;
  description: string | null;
  measure: string | null;
  districtId: string | null;
  responsibleDepartmentId: string | null;
  projectIds: string[];
} & StatusColumns;

const commonProblems: VersionedRecord<CommonProblem, CommonProblemFields> = {
  what: "Common problem",
  entityType: "common_problem",
  find: findCommonProblem,
  fieldsOf: (p) => ({
    title: p.title,
    description: p.description,
    measure: p.measure,
    districtId: p.district?.id ?? null,
    responsibleDepartmentId: p.responsibleDepartment?.id ?? null,
    projectIds: asSet(p.projects.map((x) => x.id)),
    status: p.status,
    blockedReason: p.blockedReason,
  }),
  table: (tx) => tx.commonProblem,
  columns: ({ projectIds: _projectIds, ...columns }) => columns,
  afterWrite: async (tx, { id, current, changed, actor }) => {
    if (!changed.projectIds) return;
    const linked = current.projects.map((p) => p.id);
    const added = changed.projectIds.filter((p) => !linked.includes(p));
    await tx.commonProblemProject.deleteMany({
      where: { commonProblemId: id, projectId: { notIn: changed.projectIds } },
    });
    await tx.commonProblemProject.createMany({ data: added.map((projectId) => ({ commonProblemId: id, projectId })) });
    const projectsMarkedCommon = await classifyLinkedProjects(tx, actor, added, changed.title ?? current.title);
    return projectsMarkedCommon.length ? { projectsMarkedCommon } : {};
  },
  action: (changed) => (changed.status ? `status_${changed.status}` : "update"),
  auditRecord: (before, after) => changedFields(auditView(before), auditView(after)),
};

/**
 * The office and the working group change the plan (problems.manage); the status moves for
 * them and for the coordinator of the responsible department. Who may is checked before the
 * version and the content, so a refusal reveals nothing.
 */
export function updateCommonProblem(
  ctx: ServiceContext,
  { id, changes: { version, status, note, ...planning } }: { id: string; changes: CommonProblemUpdate },
): Promise<CommonProblem> {
  const { user } = ctx.actor;
  const changesPlan = planningKeys.some((k) => planning[k] !== undefined);
  return updateVersioned(ctx, commonProblems, {
    id,
    version,
    authorize: (current) => {
      if (changesPlan && !can(user, "problems.manage"))
        throw AppError.forbidden("Only the office and the working group change a common problem's plan");
      requireActFor(user, "work.update", [current.responsibleDepartment?.id]);
    },
    next: async (current, tx) => {
      if (changesPlan)
        await checkPlanning(
          tx,
          {
            districtId: planning.districtId !== undefined ? planning.districtId : (current.district?.id ?? null),
            responsibleDepartmentId: planning.responsibleDepartmentId ?? null,
            projectIds: planning.projectIds ?? current.projects.map((p) => p.id),
          },
          {
            districtId: planning.districtId !== undefined,
            responsibleDepartmentId: planning.responsibleDepartmentId !== undefined,
            projectIds: planning.projectIds !== undefined,
          },
        );
      return {
        ...statusChange(current, status, note, user, ctx.clock.now(), { completionRequired: false }),
        title: planning.title,
        description: text(planning.description),
        measure: text(planning.measure),
        districtId: planning.districtId,
        responsibleDepartmentId: planning.responsibleDepartmentId,
        projectIds: planning.projectIds && asSet(planning.projectIds),
      };
    },
    remark: note ? { note } : undefined,
  });
}
