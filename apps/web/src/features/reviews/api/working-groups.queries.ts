import { WorkingGroupSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const workingGroupsQueries = {
  all: () => ["working-groups"] as const,
  list: () =>
    queryOptions({
      queryKey: [...workingGroupsQueries.all(), "list"],
      queryFn: ({ signal }) => apiGet("/working-groups", z.array(WorkingGroupSchema), { signal }),
    }),
};
