import { AuthResponseSchema, type LoginRequest } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/session-token";
import { authQueries } from "./auth.queries";

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => apiSend("POST", "/auth/login", body, AuthResponseSchema),
    onSuccess: ({ user, csrfToken }) => {
      setCsrfToken(csrfToken);
      // Nothing read under another account may show under this one.
      queryClient.clear();
      queryClient.setQueryData(authQueries.session().queryKey, user);
    },
  });
}
