import { ItemSchema, MilestoneSchema, type WorkStatus } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "./work-change";

/** A milestone (推进节点) or a rectification item (整改事项): both move through the same statuses. */
export type WorkRef = { type: "milestone" | "item"; id: string };
export type StatusChange = { status: WorkStatus; note?: string; version: number };

export const schemaOfWork = (type: WorkRef["type"]) => (type === "milestone" ? MilestoneSchema : ItemSchema);

function updateWorkStatus({ type, id }: WorkRef, change: StatusChange) {
  const path = `/${type === "milestone" ? "milestones" : "items"}/${encodeURIComponent(id)}`;
  return apiSend("PATCH", path, change, schemaOfWork(type));
}

/** `version` is the one the user saw; what shows work reloads after a 409 too. */
export function useUpdateWorkStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, change }: { ref: WorkRef; change: StatusChange }) => updateWorkStatus(ref, change),
    onSettled: () => invalidateAfterWorkChange(queryClient),
  });
}
