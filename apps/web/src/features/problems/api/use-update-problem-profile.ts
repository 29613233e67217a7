import { ProjectProblemSchema, type ProjectProblemUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { projectsQueries } from "../../projects";

/**
 * A project's problem profile (问题研判); `version` is the project's, as the editor saw it. The
 * profile is part of the project record: the project reloads after a save or a 409.
 */
export function useUpdateProblemProfile(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProjectProblemUpdate) =>
      apiSend("PATCH", `/projects/${encodeURIComponent(projectId)}/problem`, changes, ProjectProblemSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsQueries.all() }),
  });
}
