import { ItemSchema, MilestoneSchema, type ItemUpdate, type MilestoneUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { workQueries } from "./work.queries";

/** The planning fields of a milestone (kind, title, due date); the work lists reload after a 409 too. */
export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: MilestoneUpdate }) =>
      apiSend("PATCH", `/milestones/${encodeURIComponent(id)}`, changes, MilestoneSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workQueries.all() }),
  });
}

/** The planning fields of an item, its department and person included; reloads after a 409 too. */
export function useUpdateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ItemUpdate }) =>
      apiSend("PATCH", `/items/${encodeURIComponent(id)}`, changes, ItemSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workQueries.all() }),
  });
}
