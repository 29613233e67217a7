import type { ProjectSummary } from "@resettle/domain";

const firstQuotaYear = (project: ProjectSummary) =>
  Math.min(...project.yearTargets.filter((t) => t.plannedHouseholds > 0).map((t) => t.year), Infinity);

/**
 * Orders projects the way the plan's task table reads: district by district, and within a
 * district by the year its households are due back. Codes only break ties.
 */
export function sortInPlanOrder(projects: ProjectSummary[], districtIds: string[]): ProjectSummary[] {
  const districtRank = (p: ProjectSummary) => {
    const rank = districtIds.indexOf(p.district.id);
    return rank === -1 ? districtIds.length : rank;
  };
  return [...projects].sort(
    (a, b) =>
      districtRank(a) - districtRank(b) || firstQuotaYear(a) - firstQuotaYear(b) || a.code.localeCompare(b.code),
  );
}
