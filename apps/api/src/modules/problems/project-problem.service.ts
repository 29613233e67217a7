import type { FieldIssue, ProblemCategory, ProjectProblem, ProjectProblemUpdate } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { changedFields } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { asSet, updateVersioned, type VersionedRecord } from "../../lib/versioned.js";

const profileSelect = {
  problemCategory: true,
  problemStatement: true,
  version: true,
  causes: { select: { cause: { select: { id: true, name: true, sortOrder: true } } } },
} satisfies Prisma.ProjectSelect;

function presentProfile({
  causes,
  ...row
}: Prisma.ProjectGetPayload<{ select: typeof profileSelect }>): ProjectProblem {
  const ordered = causes
    .map((c) => c.cause)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "zh-CN"));
  return { ...row, causes: ordered.map(({ id, name }) => ({ id, name })) };
}

/** What the audit trail keeps of a profile: causes by name, which a reader recognises. */
const auditView = (p: ProjectProblem) => ({
  problemCategory: p.problemCategory,
  problemStatement: p.problemStatement,
  causes: p.causes.map((c) => c.name),
});

/** A new cause must be active; a retired one may stay where it already is. */
async function checkCauses(tx: Tx, causeIds: string[], current: ProjectProblem) {
  const found = new Map(
    (await tx.cause.findMany({ where: { id: { in: causeIds } }, select: { id: true, name: true, active: true } })).map(
      (c) => [c.id, c],
    ),
  );
  const had = new Set(current.causes.map((c) => c.id));
  const issues = causeIds.flatMap((id, i): FieldIssue[] => {
    const cause = found.get(id);
    const path = `body.causeIds.${i}`;
    if (!cause) return [{ path, reason: "unknown_reference", message: "No such cause" }];
    if (!cause.active && !had.has(id))
      return [
        {
          path,
          reason: "retired",
          message: `${cause.name} is retired and cannot be added`,
          params: { name: cause.name },
        },
      ];
    return [];
  });
  const [first, ...rest] = issues;
  if (first) throw AppError.invalidFields([first, ...rest]);
}

type ProfileFields = { problemCategory: ProblemCategory; problemStatement: string | null; causeIds: string[] };

const profiles: VersionedRecord<ProjectProblem, ProfileFields> = {
  what: "Project",
  entityType: "project",
  find: async (tx, projectId) => {
    const row = await tx.project.findUnique({ where: { id: projectId }, select: profileSelect });
    return row && presentProfile(row);
  },
  fieldsOf: (p) => ({
    problemCategory: p.problemCategory,
    problemStatement: p.problemStatement,
    causeIds: asSet(p.causes.map((c) => c.id)),
  }),
  table: (tx) => tx.project,
  columns: ({ causeIds: _causeIds, ...columns }) => columns,
  afterWrite: async (tx, { id: projectId, changed: { causeIds } }) => {
    if (!causeIds) return;
    await tx.projectCause.deleteMany({ where: { projectId, causeId: { notIn: causeIds } } });
    await tx.projectCause.createMany({
      data: causeIds.map((causeId) => ({ projectId, causeId })),
      skipDuplicates: true,
    });
  },
  action: () => "problem_update",
  auditRecord: (before, after) => changedFields(auditView(before), auditView(after)),
};

/** Classifies a project's problem (共性 / 个性 / 无), its causes and its statement; part of the project record. */
export function updateProjectProblem(
  ctx: ServiceContext,
  {
    projectId,
    changes: { version, causeIds, problemCategory, problemStatement },
  }: { projectId: string; changes: ProjectProblemUpdate },
): Promise<ProjectProblem> {
  return updateVersioned(ctx, profiles, {
    id: projectId,
    version,
    next: async (current, tx) => {
      if (causeIds) await checkCauses(tx, causeIds, current);
      return {
        problemCategory,
        // A cleared text box arrives as "": no statement.
        problemStatement: problemStatement === undefined ? undefined : problemStatement || null,
        causeIds: causeIds && asSet(causeIds),
      };
    },
  });
}
