import type { SessionUser } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/session-token";

/** The signed-in user, or null when there is no session: the server answers 200 either way. */
async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  // The schema is fetched beside the answer, not with the first load (lib/first-load-schemas.ts).
  const schema = import("../../../lib/first-load-schemas").then((module) => module.SessionResponseSchema);
  const { user, csrfToken } = await apiGet("/auth/me", schema, { signal });
  setCsrfToken(csrfToken);
  return user;
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
