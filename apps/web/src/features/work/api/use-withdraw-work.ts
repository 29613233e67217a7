import { ItemSchema, MilestoneSchema, type Item, type Milestone, type Withdraw } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "./work-change";

/** 撤销 of a milestone or an item: it leaves every count, so all that shows work reloads (after a refusal too). */
export function useWithdrawWork(kind: "milestone" | "item") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, withdrawal }: { id: string; withdrawal: Withdraw }): Promise<Milestone | Item> =>
      kind === "milestone"
        ? apiSend("POST", `/milestones/${encodeURIComponent(id)}/withdraw`, withdrawal, MilestoneSchema)
        : apiSend("POST", `/items/${encodeURIComponent(id)}/withdraw`, withdrawal, ItemSchema),
    onSettled: () => invalidateAfterWorkChange(queryClient),
  });
}
