import { AuthResponseSchema, type SessionUser } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";
import { isApiError } from "../../../lib/api-error";
import { setCsrfToken } from "../../../lib/session-token";

/** The signed-in user, or null when there is no session: being signed out is not an error. */
async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const { user, csrfToken } = await apiGet("/auth/me", AuthResponseSchema, { signal });
    setCsrfToken(csrfToken);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const authQueries = {
  all: () => ["auth"] as const,
  session: () =>
    queryOptions({
      queryKey: [...authQueries.all(), "session"],
      queryFn: ({ signal }) => fetchSession(signal),
      // The session changes by login and logout only, and a 401 from any call ends it.
      staleTime: Infinity,
    }),
};
