import { z } from "zod";
import {
  AuthResponseSchema,
  ChangePasswordRequestSchema,
  ErrorResponseSchema,
  LoginRequestSchema,
  type SessionUser,
} from "@resettle/domain";
import { decoyHash, hashPassword, verifyPassword } from "@resettle/prisma/passwords";
import { AppError } from "../../lib/app-error.js";
import { actorOf, audit } from "../../lib/audit.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { clearSessionCookie, SESSION_COOKIE, sessionIdOf, startSession } from "../../plugins/auth.js";
import { recordFailure, secondsUntilAllowed, throttleKeys } from "./login-throttle.js";
import { errors } from "../../lib/route-schemas.js";

const noContent = { 204: z.null().describe("No content") };

export async function authRoutes(app: App, { prisma, clock, sessions }: ModuleDeps) {
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
      const { username, password } = request.body;
      const now = clock.now();
      const keys = throttleKeys(username, request.ip);
      const wait = await secondsUntilAllowed(prisma, keys, now);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new AppError("RATE_LIMITED", `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} min`);
      }
      const user = await prisma.user.findUnique({ where: { username } });
      // An unknown user costs the same hashing time as a wrong password, and gets the same answer.
      const valid = user?.active
        ? await verifyPassword(user.passwordHash, password)
        : (await verifyPassword(await decoyHash(), password)) && false;
      if (!user || !valid) {
        await recordFailure(prisma, keys, now);
        throw new AppError("UNAUTHORIZED", "Wrong username or password");
      }
      const previous = request.cookies[SESSION_COOKIE];
      const { csrfToken } = await prisma.$transaction(async (tx) => {
        await tx.loginFailure.deleteMany({ where: { key: keys.account } });
        if (previous) await tx.session.deleteMany({ where: { id: sessionIdOf(previous) } });
        const started = await startSession(tx, request, reply, user.id, now, sessions);
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
        await audit(
          tx,
          { id: user.id, name: user.displayName, requestId: String(request.id) },
          {
            action: "login",
            entityType: "session",
            entityId: user.id,
            after: { ip: request.ip },
          },
        );
        return started;
      });
      const sessionUser: SessionUser = {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        departmentId: user.departmentId,
      };
      return { user: sessionUser, csrfToken };
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { access: "session" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user and the session's CSRF token (401 when signed out)",
        response: { 200: AuthResponseSchema, ...errors },
      },
    },
    async (request) => ({ user: request.session!.user, csrfToken: request.session!.csrfToken }),
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "session" },
      schema: {
        tags: ["auth"],
        summary: "Sign out: ends the session on the server",
        response: { ...noContent, ...errors },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      await prisma.$transaction(async (tx) => {
        await tx.session.deleteMany({ where: { id: session.id } });
        await audit(tx, actorOf(request), { action: "logout", entityType: "session", entityId: session.user.id });
      });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/auth/password",
    {
      config: { access: "session" },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password; other sessions of the account end",
        body: ChangePasswordRequestSchema,
        response: { ...noContent, ...errors },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      const now = clock.now();
      // Guessing the current password from a borrowed session is throttled like a login.
      const keys = { account: `password:${session.user.id}`, address: `ip:${request.ip}` };
      const wait = await secondsUntilAllowed(prisma, keys, now);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new AppError("RATE_LIMITED", `Too many wrong passwords: try again in ${Math.ceil(wait / 60)} min`);
      }
      const user = await prisma.user.findUniqueOrThrow({ where: { id: session.user.id } });
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        await recordFailure(prisma, keys, now);
        throw AppError.invalid("body.currentPassword", "wrong_password", "The current password is wrong");
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await prisma.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: { passwordHash, demoPassword: false, version: { increment: 1 } },
        });
        await tx.session.deleteMany({ where: { userId: user.id, id: { not: session.id } } });
        await tx.loginFailure.deleteMany({ where: { key: keys.account } });
        await audit(tx, actorOf(request), { action: "change_password", entityType: "user", entityId: user.id });
      });
      return reply.status(204).send(null);
    },
  );
}
