/**
 * The session as the API client needs it: the CSRF token of the signed-in session (from
 * login or /api/auth/me) and what to do when the server says the session is gone. Module
 * state on purpose: the API client is plain functions, not React.
 */
let csrfToken: string | null = null;

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = () => void;

/** Until the app registers its own (router-aware) handler, a full page load to the login page. */
function redirectToLogin(): void {
  // A late answer to a request of the page just left: already where it would send us.
  if (window.location.pathname.startsWith("/login")) return;
  window.location.assign(loginPath(window.location.pathname + window.location.search));
}

let unauthorizedHandler: UnauthorizedHandler = redirectToLogin;

/** The app installs a handler that navigates within the SPA; returns the uninstaller. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = redirectToLogin;
  };
}

/** A call answered 401: the session ended (expired, signed out elsewhere, password reset). */
export function endSession(): void {
  csrfToken = null;
  unauthorizedHandler();
}

/** /login, remembering where to come back to (never to the login page itself). */
export function loginPath(next: string): string {
  if (!next || next === "/" || next.startsWith("/login")) return "/login";
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Only same-site paths: `next` comes from the address bar and must not lead elsewhere. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}
