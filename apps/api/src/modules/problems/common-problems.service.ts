import type { CommonProblem } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";

const ref = { select: { id: true, name: true } } as const;

export const commonProblemSelect = {
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

export function presentCommonProblem({
  projects,
  updatedAt,
  ...row
}: Prisma.CommonProblemGetPayload<{ select: typeof commonProblemSelect }>): CommonProblem {
  return {
    ...row,
    updatedAt: updatedAt.toISOString(),
    projects: projects.map(({ project: { sequence: _sequence, ...p } }) => p),
  };
}

/** The common problems a project is linked to, for its page. */
export async function commonProblemsOfProject(prisma: PrismaClient, projectId: string): Promise<CommonProblem[]> {
  const rows = await prisma.commonProblem.findMany({
    where: { projects: { some: { projectId } } },
    orderBy: [{ createdAt: "asc" }],
    select: commonProblemSelect,
  });
  return rows.map(presentCommonProblem);
}
