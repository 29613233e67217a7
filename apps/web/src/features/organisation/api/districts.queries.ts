import { DistrictSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const districtsQueries = {
  all: () => ["districts"] as const,
  list: () =>
    queryOptions({
      queryKey: [...districtsQueries.all(), "list"],
      queryFn: ({ signal }) => apiGet("/districts", z.array(DistrictSchema), { signal }),
      staleTime: 10 * 60_000,
    }),
};
