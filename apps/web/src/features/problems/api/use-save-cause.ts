import { CauseSchema, type CauseCreate, type CauseUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { causesQueries } from "./causes.queries";

function useInvalidateCauses() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: causesQueries.all() });
}

export function useCreateCause() {
  const invalidate = useInvalidateCauses();
  return useMutation({
    mutationFn: (body: CauseCreate) => apiSend("POST", "/causes", body, CauseSchema),
    onSuccess: invalidate,
  });
}

/** Edits, retirement and re-activation; the list reloads after a 409 too. */
export function useUpdateCause() {
  const invalidate = useInvalidateCauses();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: CauseUpdate }) =>
      apiSend("PATCH", `/causes/${encodeURIComponent(id)}`, changes, CauseSchema),
    onSettled: invalidate,
  });
}
