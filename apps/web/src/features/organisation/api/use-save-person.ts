import { PersonSchema, type PersonCreate, type PersonUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { personsQueries } from "./persons.queries";

function useInvalidatePersons() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: personsQueries.all() });
}

export function useCreatePerson() {
  const invalidate = useInvalidatePersons();
  return useMutation({
    mutationFn: (body: PersonCreate) => apiSend("POST", "/persons", body, PersonSchema),
    onSuccess: invalidate,
  });
}

/** Edits, deactivation and reactivation; the list reloads after a 409 too. */
export function useUpdatePerson() {
  const invalidate = useInvalidatePersons();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: PersonUpdate }) =>
      apiSend("PATCH", `/persons/${encodeURIComponent(id)}`, changes, PersonSchema),
    onSettled: invalidate,
  });
}
