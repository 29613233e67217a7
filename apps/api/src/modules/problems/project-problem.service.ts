import { sameMembers, type FieldIssue, type ProjectProblem, type ProjectProblemUpdate } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";

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
async function checkCauses(tx: Prisma.TransactionClient, causeIds: string[], current: ProjectProblem) {
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

/** Classifies a project's problem (共性 / 个性 / 无), its causes and its statement; part of the project record. */
export async function updateProjectProblem(
  prisma: PrismaClient,
  actor: Actor,
  projectId: string,
  { version, causeIds, problemCategory, problemStatement }: ProjectProblemUpdate,
): Promise<ProjectProblem> {
  return prisma.$transaction(async (tx) => {
    const load = async () => {
      const row = await tx.project.findUnique({ where: { id: projectId }, select: profileSelect });
      return row && presentProfile(row);
    };
    const current = assertVersion(await load(), version, "Project", (p) => p);
    // A cleared text box arrives as "": no statement.
    const statement = problemStatement === undefined ? undefined : problemStatement || null;
    const unchanged =
      (problemCategory ?? current.problemCategory) === current.problemCategory &&
      (statement === undefined || statement === current.problemStatement) &&
      (!causeIds ||
        sameMembers(
          causeIds,
          current.causes.map((c) => c.id),
        ));
    // Nothing to change (a form saved twice): nothing written, the version stays.
    if (unchanged) return current;
    if (causeIds) await checkCauses(tx, causeIds, current);
    await expectUpdatedOrStale(
      await tx.project.updateMany({
        where: { id: projectId, version },
        data: { problemCategory, problemStatement: statement, version: { increment: 1 } },
      }),
      "Project",
      load,
    );
    if (causeIds) {
      await tx.projectCause.deleteMany({ where: { projectId, causeId: { notIn: causeIds } } });
      await tx.projectCause.createMany({
        data: causeIds.map((causeId) => ({ projectId, causeId })),
        skipDuplicates: true,
      });
    }
    const updated = (await load())!;
    await audit(tx, actor, {
      action: "problem_update",
      entityType: "project",
      entityId: projectId,
      ...changedFields(auditView(current), auditView(updated)),
    });
    return updated;
  });
}
