import { CommonProblemSchema, type CommonProblemCreate, type CommonProblemUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidate } from "../../../lib/query-client";
import { projectsQueries } from "../../projects";
import { commonProblemsQueries } from "./common-problems.queries";

/** The list, and each linked project's page, which shows the problem and its status. */
function useInvalidateCommonProblems() {
  const queryClient = useQueryClient();
  return () => invalidate(queryClient, commonProblemsQueries.all(), projectsQueries.details());
}

export function useCreateCommonProblem() {
  const invalidate = useInvalidateCommonProblems();
  return useMutation({
    mutationFn: (body: CommonProblemCreate) => apiSend("POST", "/common-problems", body, CommonProblemSchema),
    onSuccess: invalidate,
  });
}

/** Planning changes and status moves alike; `version` is the one the user saw (409 when stale). */
export function useUpdateCommonProblem() {
  const invalidate = useInvalidateCommonProblems();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: CommonProblemUpdate }) =>
      apiSend("PATCH", `/common-problems/${encodeURIComponent(id)}`, changes, CommonProblemSchema),
    onSettled: invalidate,
  });
}
