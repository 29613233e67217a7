import { z } from "zod";
import {
  AuthResponseSchema,
  ChangePasswordRequestSchema,
  ErrorResponseSchema,
  LoginRequestSchema,
  SessionResponseSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { clientRequestIdOf } from "../../lib/request-id.js";
import { errors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../../plugins/auth.js";
import { changePassword, signIn, signOut } from "./auth.service.js";

const noContent = { 204: z.null().describe("No content") };

export async function authRoutes(app: App, deps: ModuleDeps) {
  app.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets the session cookie and returns the CSRF token",
        body: LoginRequestSchema,
        response: { 200: AuthResponseSchema, 429: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { user, csrfToken, session } = await signIn(
        { db: deps.prisma, clock: deps.clock, sessions: deps.sessions, hooks: deps.signInHooks },
        {
          ...request.body,
          origin: {
            ip: request.ip,
            userAgent: request.headers["user-agent"] ?? null,
            requestId: String(request.id),
            clientRequestId: clientRequestIdOf(request),
          },
          previousToken: request.cookies[SESSION_COOKIE],
        },
      );
      setSessionCookie(request, reply, session);
      return { user, csrfToken };
    },
  );

  app.get(
    "/api/auth/me",
    {
      // Being signed out is an answer, not a failure: 200 with `user: null` (and no CSRF token).
      config: { access: "public", session: "optional", duringPasswordChange: true },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user and the session's CSRF token, or `{user: null}` when signed out",
        response: { 200: SessionResponseSchema, ...errors },
      },
    },
    async (request) =>
      request.session
        ? { user: request.session.user, csrfToken: request.session.csrfToken }
        : { user: null, csrfToken: null },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "session", duringPasswordChange: true },
      schema: {
        tags: ["auth"],
        summary: "Sign out: ends the session on the server",
        response: { ...noContent, ...errors },
      },
    },
    async (request, reply) => {
      await signOut(contextOf(request, deps), { sessionId: request.session!.id });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/auth/password",
    {
      config: { access: "session", duringPasswordChange: true },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password; other sessions of the account end",
        body: ChangePasswordRequestSchema,
        response: { ...noContent, ...errors },
      },
    },
    async (request, reply) => {
      await changePassword(contextOf(request, deps), {
        ...request.body,
        sessionId: request.session!.id,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );
}
