import {
  AuditEventSchema,
  pageOf,
  ProjectDetailSchema,
  ProjectSummarySchema,
  type ProjectListQuery,
} from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

const ProjectPageSchema = pageOf(ProjectSummarySchema);
const HistoryPageSchema = pageOf(AuditEventSchema);
type PageQuery = { page: number; pageSize: number };

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
  /** 变更记录: the project's own changes and its milestones', items' and ledger's, newest first. */
  history: (id: string, query: PageQuery) =>
    queryOptions({
      queryKey: [...projectsQueries.details(), id, "history", query],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(id)}/history`, HistoryPageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
      // A trail is read to see what just happened: never from a minute-old cache.
      staleTime: 0,
    }),
};
