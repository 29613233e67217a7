import { ItemSchema, MilestoneSchema, type ItemCreate, type MilestoneCreate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "./work-change";

const projectPath = (projectId: string, what: "milestones" | "items") =>
  `/projects/${encodeURIComponent(projectId)}/${what}`;

export function useCreateMilestone(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MilestoneCreate) => apiSend("POST", projectPath(projectId, "milestones"), body, MilestoneSchema),
    onSuccess: () => invalidateAfterWorkChange(queryClient),
  });
}

export function useCreateItem(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ItemCreate) => apiSend("POST", projectPath(projectId, "items"), body, ItemSchema),
    onSuccess: () => invalidateAfterWorkChange(queryClient),
  });
}
