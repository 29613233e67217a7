import { EvidenceListSchema, VerificationRuleSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";
import type { WorkRef } from "./use-update-work-status";

const pathOf = ({ type, id }: WorkRef) => `/${type === "milestone" ? "milestones" : "items"}/${encodeURIComponent(id)}`;

export const completionQueries = {
  all: () => ["completion"] as const,
  /** A record's evidence files (证明材料), with what an upload may be. */
  evidence: (ref: WorkRef) =>
    queryOptions({
      queryKey: [...completionQueries.all(), "evidence", ref.type, ref.id],
      queryFn: ({ signal }) => apiGet(`${pathOf(ref)}/evidence`, EvidenceListSchema, { signal }),
    }),
  /** Which kinds of work wait for the office's verification. */
  rules: () =>
    queryOptions({
      queryKey: [...completionQueries.all(), "rules"],
      queryFn: ({ signal }) => apiGet("/verification-rules", z.array(VerificationRuleSchema), { signal }),
    }),
};

export { pathOf as workPath };
