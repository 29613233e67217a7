import { CooperatorsSchema, type CooperatorsUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidate } from "../../../lib/query-client";
import { workQueries } from "../../work";
import { responsibilityQueries, targetPath, type CooperationTarget } from "./responsibility.queries";

/**
 * 设置配合单位: the whole set of departments cooperating on a record. Its 牵头/配合 reload, and
 * so does My work (a department added or removed finds the record under 配合, or no longer).
 */
export function useSetCooperators(target: CooperationTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CooperatorsUpdate) =>
      apiSend("PUT", `${targetPath(target)}/cooperators`, body, CooperatorsSchema),
    onSuccess: () => invalidate(queryClient, responsibilityQueries.cooperators(target).queryKey, workQueries.all()),
  });
}
