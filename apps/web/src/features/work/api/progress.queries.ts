import { ProgressReportSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const progressQueries = {
  all: () => ["progress"] as const,
  /** A project's moved-back ledger (回迁台账), newest first. */
  ledger: (projectId: string) =>
    queryOptions({
      queryKey: [...progressQueries.all(), projectId],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(projectId)}/progress-reports`, z.array(ProgressReportSchema), {
          signal,
        }),
    }),
};
