import { ProjectProblemSchema, type ProjectProblemUpdate } from "@resettle/domain";
import { useMutation } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";

/**
 * A project's problem profile (问题研判); `version` is the project's, as the editor saw it.
 * The page reloads the project after a save or a 409 (the caller's onSettled).
 */
export function useUpdateProblemProfile(projectId: string) {
  return useMutation({
    mutationFn: (changes: ProjectProblemUpdate) =>
      apiSend("PATCH", `/projects/${encodeURIComponent(projectId)}/problem`, changes, ProjectProblemSchema),
  });
}
