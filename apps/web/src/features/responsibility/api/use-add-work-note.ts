import { WorkNoteSchema, type WorkNoteCreate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidate } from "../../../lib/query-client";
import { responsibilityQueries, targetPath, type NoteTarget } from "./responsibility.queries";

/** 进展情况: adds a progress note (a POST: sent twice, written once); the record's notes reload. */
export function useAddWorkNote(target: NoteTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: WorkNoteCreate) => apiSend("POST", `${targetPath(target)}/notes`, note, WorkNoteSchema),
    onSuccess: () => invalidate(queryClient, responsibilityQueries.notes(target).queryKey),
  });
}
