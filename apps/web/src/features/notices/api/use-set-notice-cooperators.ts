import { CooperatorsSchema, type CooperatorsUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { noticesQueries } from "./notices.queries";

/**
 * 设置配合单位 on a notice (the office): the whole set. The notices reload (its page names them,
 * the cooperating departments' lists gain or lose it); on a 409 (closed meanwhile) too.
 */
export function useSetNoticeCooperators(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CooperatorsUpdate) =>
      apiSend("PUT", `/supervision-notices/${encodeURIComponent(id)}/cooperators`, body, CooperatorsSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticesQueries.all() }),
  });
}
