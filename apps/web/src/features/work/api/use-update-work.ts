import { ItemSchema, MilestoneSchema, type ItemUpdate, type MilestoneUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "./work-change";

/** The planning fields of a milestone (kind, title, due date); what shows work reloads after a 409 too. */
export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: MilestoneUpdate }) =>
      apiSend("PATCH", `/milestones/${encodeURIComponent(id)}`, changes, MilestoneSchema),
    onSettled: () => invalidateAfterWorkChange(queryClient),
  });
}

/** The planning fields of an item, its department and person included; reloads after a 409 too. */
export function useUpdateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ItemUpdate }) =>
      apiSend("PATCH", `/items/${encodeURIComponent(id)}`, changes, ItemSchema),
    onSettled: () => invalidateAfterWorkChange(queryClient),
  });
}
