import { DashboardSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

export const dashboardQueries = {
  all: () => ["dashboard"] as const,
  summary: () =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), "summary"],
      queryFn: ({ signal }) => apiGet("/dashboard", DashboardSchema, { signal }),
    }),
};
