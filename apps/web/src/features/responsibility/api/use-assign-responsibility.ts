import {
  MilestoneSchema,
  ProjectDetailSchema,
  type AssignResponsibility,
  type Milestone,
  type ProjectDetail,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { isApiError } from "../../../lib/api-error";
import { invalidate } from "../../../lib/query-client";
import { projectsQueries } from "../../projects";
import { responsibilityQueries, targetPath, type ResponsibilityTarget } from "./responsibility.queries";

/**
 * 包项目到部门到人: makes a department and one of its persons responsible for a project or a
 * milestone. Answers with the changed project or milestone; the history reloads, and so do the
 * projects (a project's responsible shows in the lists too, a milestone's on its project's page).
 */
export function useAssignResponsibility(target: ResponsibilityTarget) {
  const queryClient = useQueryClient();
  const path = `${targetPath(target)}/responsibility`;
  return useMutation({
    mutationFn: (body: AssignResponsibility): Promise<ProjectDetail | Milestone> =>
      target.kind === "project"
        ? apiSend("PUT", path, body, ProjectDetailSchema)
        : apiSend("PUT", path, body, MilestoneSchema),
    onSuccess: (changed) =>
      invalidate(
        queryClient,
        responsibilityQueries.history(target).queryKey,
        // A new lead (牵头单位) shows beside the cooperating departments too.
        responsibilityQueries.cooperators(target).queryKey,
        "projectId" in changed ? projectsQueries.detail(changed.projectId).queryKey : projectsQueries.all(),
      ),
    // Someone assigned it meanwhile (409): show who is responsible now, so the user decides again.
    onError: (error) =>
      isApiError(error) && error.isConflict
        ? invalidate(queryClient, responsibilityQueries.history(target).queryKey, projectsQueries.all())
        : undefined,
  });
}
