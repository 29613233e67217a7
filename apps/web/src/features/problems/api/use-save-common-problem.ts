import { CommonProblemSchema, type CommonProblemCreate, type CommonProblemUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { commonProblemsQueries } from "./common-problems.queries";

function useInvalidateCommonProblems() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: commonProblemsQueries.all() });
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
