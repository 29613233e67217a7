import type { ChangePasswordRequest, LoginRequest, SessionUser } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { decoyHash, hashPassword, verifyPassword } from "@resettle/prisma/passwords";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { createSession, sessionIdOf, type SessionSettings } from "../../plugins/auth.js";
import { recordFailure, secondsUntilAllowed, throttleKeys } from "./login-throttle.js";

/** Signing in has no session yet, hence no actor: the database, the clock and the session settings. */
export type SignInContext = { db: PrismaClient; clock: Clock; sessions: SessionSettings };

/** Where the attempt comes from, as the route knows it. */
export type Origin = { ip: string; userAgent: string | null; requestId: string };

const waitMessage = (what: string, seconds: number) => `${what}: try again in ${Math.ceil(seconds / 60)} min`;

/**
 * Checks the password (throttled per account and per address), ends the session the
 * request came with and starts a new one. Returns the new session's token for the cookie.
 */
export async function signIn(
  { db, clock, sessions }: SignInContext,
  { username, password, origin, previousToken }: LoginRequest & { origin: Origin; previousToken?: string },
): Promise<{ user: SessionUser; csrfToken: string; session: { token: string; expiresAt: Date } }> {
  const now = clock.now();
  const keys = throttleKeys(username, origin.ip);
  const wait = await secondsUntilAllowed(db, keys, now);
  if (wait > 0) throw AppError.rateLimited(waitMessage("Too many failed sign-ins", wait), wait);
  const user = await db.user.findUnique({ where: { username } });
  // An unknown user costs the same hashing time as a wrong password, and gets the same answer.
  const valid = user?.active
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await decoyHash(), password)) && false;
  if (!user || !valid) {
    await recordFailure(db, keys, now);
    throw new AppError("UNAUTHORIZED", "Wrong username or password");
  }
  const { token, csrfToken, expiresAt } = await db.$transaction(async (tx) => {
    await tx.loginFailure.deleteMany({ where: { key: keys.account } });
    if (previousToken) await tx.session.deleteMany({ where: { id: sessionIdOf(previousToken) } });
    const started = await createSession(tx, { userId: user.id, now, ...origin }, sessions);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await audit(
      tx,
      { id: user.id, name: user.displayName, requestId: origin.requestId },
      { action: "login", entityType: "session", entityId: user.id, after: { ip: origin.ip } },
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
  return { user: sessionUser, csrfToken, session: { token, expiresAt } };
}

/** Ends the session on the server. */
export async function signOut(ctx: ServiceContext, { sessionId }: { sessionId: string }): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: sessionId } });
    await audit(tx, ctx.actor, { action: "logout", entityType: "session", entityId: ctx.actor.id });
  });
}

/**
 * Changes one's own password; the account's other sessions end. Guessing the current
 * password from a borrowed session is throttled like a login.
 */
export async function changePassword(
  ctx: ServiceContext,
  { sessionId, ip, currentPassword, newPassword }: ChangePasswordRequest & { sessionId: string; ip: string },
): Promise<void> {
  const now = ctx.clock.now();
  const keys = { account: `password:${ctx.actor.id}`, address: `ip:${ip}` };
  const wait = await secondsUntilAllowed(ctx.db, keys, now);
  if (wait > 0) throw AppError.rateLimited(waitMessage("Too many wrong passwords", wait), wait);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordFailure(ctx.db, keys, now);
    throw AppError.invalid("body.currentPassword", "wrong_password", "The current password is wrong");
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, demoPassword: false, version: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: sessionId } } });
    await tx.loginFailure.deleteMany({ where: { key: keys.account } });
    await audit(tx, ctx.actor, { action: "change_password", entityType: "user", entityId: user.id });
  });
}
