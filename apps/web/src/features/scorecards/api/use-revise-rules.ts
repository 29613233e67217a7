import { ScoringRuleSetSchema, type ScoringRuleSetCreate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { scorecardsQueries } from "./scorecards.queries";

/** 修订评分细则: a new version; the scorecards it may now apply to and the list of versions are read again. */
export function useReviseRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoringRuleSetCreate) => apiSend("POST", "/scoring-rules", body, ScoringRuleSetSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scorecardsQueries.all() }),
  });
}
