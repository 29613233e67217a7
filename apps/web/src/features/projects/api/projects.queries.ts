import { pageOf, ProjectDetailSchema, ProjectSummarySchema, type ProjectListQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

const ProjectPageSchema = pageOf(ProjectSummarySchema);

export const projectsQueries = {
  all: () => ["projects"] as const,
  lists: () => [...projectsQueries.all(), "list"] as const,
  list: (query: ProjectListQuery) =>
    queryOptions({
      queryKey: [...projectsQueries.lists(), query],
      queryFn: ({ signal }) => apiGet("/projects", ProjectPageSchema, { params: query, signal }),
      // Paging and sorting keep the current rows on screen instead of flashing a skeleton.
      placeholderData: keepPreviousData,
    }),
  details: () => [...projectsQueries.all(), "detail"] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...projectsQueries.details(), id],
      queryFn: ({ signal }) => apiGet(`/projects/${encodeURIComponent(id)}`, ProjectDetailSchema, { signal }),
    }),
};
