import { WorkingGroupSchema, type WorkingGroup } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidate } from "../../../lib/query-client";
import { projectsQueries } from "../../projects";
import { reviewsQueries } from "./reviews.queries";
import { workingGroupsQueries } from "./working-groups.queries";

/**
 * Adds a project to a working group from the problem queue: the group's own versioned update
 * (its project set plus this one, under the version the office saw), so the rules, the 409 and
 * the audit row are the group editor's. The queue, the groups and the projects reload after.
 */
export function useAssignGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ group, projectId }: { group: WorkingGroup; projectId: string }) =>
      apiSend(
        "PATCH",
        `/working-groups/${encodeURIComponent(group.id)}`,
        { projectIds: [...group.projects.map((p) => p.id), projectId], version: group.version },
        WorkingGroupSchema,
      ),
    onSettled: () => invalidate(queryClient, workingGroupsQueries.all(), reviewsQueries.all(), projectsQueries.all()),
  });
}
