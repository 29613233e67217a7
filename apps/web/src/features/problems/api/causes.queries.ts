import { CauseSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const causesQueries = {
  all: () => ["causes"] as const,
  /** The whole taxonomy, retired causes too, in the order the office set. */
  list: () =>
    queryOptions({
      queryKey: [...causesQueries.all(), "list"],
      queryFn: ({ signal }) => apiGet("/causes", z.array(CauseSchema), { signal }),
      select: (list) => [...list].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "zh-CN")),
      staleTime: 10 * 60_000,
    }),
};
