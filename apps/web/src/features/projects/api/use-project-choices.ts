import type { ProjectListQuery } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { projectsQueries } from "./projects.queries";

/** Every project in one page, in the plan's order: the plan has a handful, the API allows 100 a page. */
const ALL_PROJECTS: ProjectListQuery = { sort: "sequence", order: "asc", page: 1, pageSize: 100 };

/** Projects as choices for a form (id and name), loaded only while the form needs them. */
export function useProjectChoices(enabled = true) {
  return useQuery({
    ...projectsQueries.list(ALL_PROJECTS),
    enabled,
    select: (page) => page.items.map((p) => ({ id: p.id, name: p.name, districtId: p.district.id })),
  });
}
