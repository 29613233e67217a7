import type { ChangePasswordRequest, SessionUser } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { authQueries } from "./auth.queries";

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => apiSend("PUT", "/auth/password", body),
    // A password the user chose: the rest of the product opens again.
    onSuccess: () =>
      queryClient.setQueryData<SessionUser | null>(authQueries.session().queryKey, (user) =>
        user ? { ...user, mustChangePassword: false } : user,
      ),
  });
}
