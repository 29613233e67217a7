import { MyWorkSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

export const workQueries = {
  all: () => ["work"] as const,
  /** 我的待办: the open milestones and items of the user's department. */
  mine: () =>
    queryOptions({
      queryKey: [...workQueries.all(), "mine"],
      queryFn: ({ signal }) => apiGet("/my-work", MyWorkSchema, { signal }),
    }),
};
