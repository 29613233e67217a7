import { useMutation } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/session-token";

/**
 * Ends the session on the server; locally it ends whatever the server answers. The caller
 * goes to the login page, which empties the query cache once the signed-in pages are gone
 * (emptying it here would make them refetch, and fail, while still on screen).
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiSend("POST", "/auth/logout"),
    onSettled: () => setCsrfToken(null),
  });
}
