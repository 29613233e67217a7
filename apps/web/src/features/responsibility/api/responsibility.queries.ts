import { ResponsibilityAssignmentSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

const HistorySchema = z.array(ResponsibilityAssignmentSchema);

export type ResponsibilityTarget = { kind: "project" | "milestone"; id: string };

export const targetPath = ({ kind, id }: ResponsibilityTarget) =>
  `/${kind === "project" ? "projects" : "milestones"}/${encodeURIComponent(id)}`;

export const responsibilityQueries = {
  all: () => ["responsibility"] as const,
  /** Who was made responsible, when, by whom and why: newest first, as the API answers. */
  history: (target: ResponsibilityTarget) =>
    queryOptions({
      queryKey: [...responsibilityQueries.all(), target.kind, target.id],
      queryFn: ({ signal }) => apiGet(`${targetPath(target)}/responsibility-history`, HistorySchema, { signal }),
    }),
};
