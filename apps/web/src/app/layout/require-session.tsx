import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { authQueries, CHANGE_PASSWORD_PATH, SessionContext } from "../../features/auth";
import { loginPath, setUnauthorizedHandler } from "../../lib/session-token";
import { PageLoading } from "./page-loading";

// Loaded only when the session cannot be read: Ant Design's Result stays out of the first load.
const ErrorResult = lazy(() =>
  import("../../components/ui/error-result").then((module) => ({ default: module.ErrorResult })),
);

/** Every page but the login page needs a session; without one, the login page, then back here. */
export function RequireSession() {
  const queryClient = useQueryClient();
  const location = useLocation();
  const session = useQuery(authQueries.session());

  // A 401 from any call means the session ended meanwhile: forget the user, and the redirect
  // below takes over, remembering the page.
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        queryClient.setQueryData(authQueries.session().queryKey, null);
      }),
    [queryClient],
  );

  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <main className="app-main">
        <Suspense fallback={<PageLoading />}>
          <ErrorResult error={session.error} onRetry={() => void session.refetch()} />
        </Suspense>
      </main>
    );
  }
  if (!session.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  // The server refuses everything else until the password an administrator chose is changed.
  if (session.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH)
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return (
    <SessionContext value={session.data}>
      <Outlet />
    </SessionContext>
  );
}
