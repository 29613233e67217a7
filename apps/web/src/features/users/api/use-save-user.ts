import { UserSchema, type PasswordReset, type UserCreate, type UserUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { usersQueries } from "./users.queries";

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQueries.all() });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreate) => apiSend("POST", "/users", body, UserSchema),
    onSuccess: invalidate,
  });
}

/**
 * Edits, deactivation and reactivation alike: `version` is the one the editor saw. The list
 * reloads after a refusal too: a 409 means it shows an outdated record.
 */
export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserUpdate }) =>
      apiSend("PATCH", userPath(id), changes, UserSchema),
    onSettled: invalidate,
  });
}

/**
 * Sets a new password for someone who lost theirs; the server ends that user's sessions. The
 * account's version moves on, so the list reloads (an edit from the old row would be refused).
 */
export function useResetUserPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PasswordReset }) =>
      apiSend("POST", `${userPath(id)}/password`, body),
    onSuccess: invalidate,
  });
}
