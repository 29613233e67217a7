import { WorkingGroupSchema, type WorkingGroupCreate, type WorkingGroupUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidate } from "../../../lib/query-client";
import { projectsQueries } from "../../projects";
import { workingGroupsQueries } from "./working-groups.queries";

/** The groups, and the project pages, which name each project's group. */
function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () => invalidate(queryClient, workingGroupsQueries.all(), projectsQueries.details());
}

export function useCreateWorkingGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: WorkingGroupCreate) => apiSend("POST", "/working-groups", body, WorkingGroupSchema),
    onSuccess: invalidate,
  });
}

/** `version` is the one the editor saw; the list reloads after a 409 too. */
export function useUpdateWorkingGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: WorkingGroupUpdate }) =>
      apiSend("PATCH", `/working-groups/${encodeURIComponent(id)}`, changes, WorkingGroupSchema),
    onSettled: invalidate,
  });
}
