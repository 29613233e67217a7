import type { LoginRequest } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/session-token";
import { authQueries } from "./auth.queries";

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // The schema is fetched as the form is sent, not with the sign-in page (lib/first-load-schemas.ts).
    mutationFn: (body: LoginRequest) =>
      apiSend(
        "POST",
        "/auth/login",
        body,
        import("../../../lib/first-load-schemas").then((module) => module.AuthResponseSchema),
      ),
    onSuccess: ({ user, csrfToken }) => {
      setCsrfToken(csrfToken);
      // Nothing read under another account may show under this one.
      queryClient.clear();
      queryClient.setQueryData(authQueries.session().queryKey, user);
    },
  });
}
