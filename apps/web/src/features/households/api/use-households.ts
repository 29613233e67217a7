import {
  HouseholdBulkResultSchema,
  HouseholdRevealedSchema,
  HouseholdSchema,
  type HouseholdBulkTransition,
  type HouseholdCreate,
  type HouseholdTransition,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "../../work";
import { householdsQueries } from "./households.queries";

/** A new household: the registry and the project's figures (its registered count) change. */
export function useCreateHousehold(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdCreate) =>
      apiSend("POST", `/projects/${encodeURIComponent(projectId)}/households`, body, HouseholdSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: householdsQueries.all() }),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}

/** A household's move: settling it moves the project's, the district's and the city's figures too. */
export function useTransitionHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HouseholdTransition }) =>
      apiSend("POST", `/households/${encodeURIComponent(id)}/transitions`, body, HouseholdSchema),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: householdsQueries.all() }),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}

/** 批量变更状态: the households listed, all or none; the figures follow as for one. */
export function useBulkTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdBulkTransition) =>
      apiSend("POST", "/households/transitions", body, HouseholdBulkResultSchema),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: householdsQueries.all() }),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}

/** 查看完整身份证号: the answer is shown once and never cached. */
export function useRevealIdNumber() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiSend("POST", `/households/${encodeURIComponent(id)}/reveal`, { reason }, HouseholdRevealedSchema),
  });
}
