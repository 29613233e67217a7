import { ProgressDaySchema, ProgressLedgerPageSchema } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const progressQueries = {
  all: () => ["progress"] as const,
  /** A page of a project's moved-back ledger (回迁台账), newest first, with the count and sum of all entries. */
  ledger: (projectId: string, page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...progressQueries.all(), projectId, "ledger", { page, pageSize }],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(projectId)}/progress-reports`, ProgressLedgerPageSchema, {
          signal,
          params: { page, pageSize },
        }),
      placeholderData: keepPreviousData,
    }),
  /** The ledger summed by day, oldest first: the running-total chart. */
  days: (projectId: string) =>
    queryOptions({
      queryKey: [...progressQueries.all(), projectId, "days"],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(projectId)}/progress-days`, z.array(ProgressDaySchema), { signal }),
    }),
};
