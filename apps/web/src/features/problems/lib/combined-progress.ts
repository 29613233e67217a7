import { percentOf, type CommonProblem } from "@resettle/domain";

export type CombinedProgress = { movedBack: number; totalHouseholds: number; percent: number };

/** A common problem's reach: the households of all its projects, and how many have moved back. */
export function combinedProgress(projects: CommonProblem["projects"]): CombinedProgress {
  const movedBack = projects.reduce((sum, p) => sum + p.movedBack, 0);
  const totalHouseholds = projects.reduce((sum, p) => sum + p.totalHouseholds, 0);
  return { movedBack, totalHouseholds, percent: percentOf(movedBack, totalHouseholds) };
}
