import { DepartmentSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const departmentsQueries = {
  all: () => ["departments"] as const,
  list: () =>
    queryOptions({
      queryKey: [...departmentsQueries.all(), "list"],
      queryFn: ({ signal }) => apiGet("/departments", z.array(DepartmentSchema), { signal }),
      staleTime: 10 * 60_000,
    }),
};
