import { MyWorkSchema, OverdueBoardSchema, type OverdueBoardQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

export const workQueries = {
  all: () => ["work"] as const,
  /** 我的待办: the open milestones and items of the user's department. */
  mine: () =>
    queryOptions({
      queryKey: [...workQueries.all(), "mine"],
      queryFn: ({ signal }) => apiGet("/my-work", MyWorkSchema, { signal }),
    }),
  /** 全市待办: overdue work city-wide, filtered and paged on the server. */
  overdue: (query: OverdueBoardQuery) =>
    queryOptions({
      queryKey: [...workQueries.all(), "overdue", query],
      queryFn: ({ signal }) => apiGet("/overdue-work", OverdueBoardSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
    }),
};
