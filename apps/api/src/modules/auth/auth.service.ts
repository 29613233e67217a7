import type { ChangePasswordRequest, LoginRequest, SessionUser } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { decoyHash, hashPassword, verifyPassword } from "@resettle/prisma/passwords";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import type { ModuleDeps } from "../../lib/types.js";
import { createSession, sessionIdOf, type SessionSettings } from "../../plugins/auth.js";
import { forgetQuietKeys, releaseKey, reserveAttempt, throttleKeys } from "./login-throttle.js";

/** Signing in has no session yet, hence no actor: the database, the clock and the session settings. */
export type SignInContext = { db: PrismaClient; clock: Clock; sessions: SessionSettings };

/** Where the attempt comes from, as the route knows it. */
export type Origin = { ip: string; userAgent: string | null; requestId: string; clientRequestId: string | null };

/**
 * Reserves the attempt (throttled per username and address, and per address), checks the
 * password, ends the session the request came with and starts a new one. Failures and
 * throttling are audited (who tried which username from where; never the password).
 * Returns the new session's token for the cookie.
 */
export async function signIn(
  { db, clock, sessions, hooks }: SignInContext & { hooks?: ModuleDeps["signInHooks"] },
  { username, password, origin, previousToken }: LoginRequest & { origin: Origin; previousToken?: string },
): Promise<{ user: SessionUser; csrfToken: string; session: { token: string; expiresAt: Date } }> {
  const now = clock.now();
  const keys = throttleKeys(username, origin.ip);
  const someone = { id: null, name: username, requestId: origin.requestId, clientRequestId: origin.clientRequestId };
  const reserved = await reserveAttempt(db, keys, now);
  await hooks?.beforePasswordCheck?.();
  const user = await db.user.findUnique({ where: { username } });
  // An unknown user costs the same hashing time as a wrong password, and gets the same answer.
  const valid = user?.active
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await decoyHash(), password)) && false;
  if (!user || !valid) {
    const scope = reserved.pair.waitSeconds >= reserved.address.waitSeconds ? "pair" : "address";
    const waitSeconds = Math.max(reserved.pair.waitSeconds, reserved.address.waitSeconds);
    const where = { username, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 200) ?? null };
    await db.$transaction(async (tx) => {
      const reason = !user ? "unknown_user" : user.active ? "wrong_password" : "inactive";
      await audit(tx, someone, {
        action: "login_failed",
        entityType: "session",
        entityId: username,
        after: { ...where, reason, failures: reserved.pair.failures },
      });
      if (waitSeconds > 0)
        await audit(tx, someone, {
          action: "login_throttled",
          entityType: "session",
          entityId: username,
          after: { ...where, scope, waitSeconds },
        });
    });
    await forgetQuietKeys(db, now);
    throw new AppError("UNAUTHORIZED", "Wrong username or password");
  }
  const { token, csrfToken, expiresAt } = await db.$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: keys.pair } });
    await releaseKey(tx, keys.address);
    if (previousToken) await tx.session.deleteMany({ where: { id: sessionIdOf(previousToken) } });
    const started = await createSession(tx, { userId: user.id, now, ...origin }, sessions);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await audit(
      tx,
      { ...someone, id: user.id, name: user.displayName },
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
    mustChangePassword: user.mustChangePassword,
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
  const keys = { pair: `password:${ctx.actor.id}`, address: `ip:${ip}` };
  await reserveAttempt(ctx.db, keys, now);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  if (!(await verifyPassword(user.passwordHash, currentPassword)))
    throw AppError.invalid("body.currentPassword", "wrong_password", "The current password is wrong");
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, demoPassword: false, mustChangePassword: false, version: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: sessionId } } });
    await tx.loginThrottle.deleteMany({ where: { key: keys.pair } });
    await releaseKey(tx, keys.address);
    await audit(tx, ctx.actor, {
      action: "change_password",
      entityType: "user",
      entityId: user.id,
      ...(user.mustChangePassword ? { after: { mustChangePassword: false } } : {}),
    });
  });
}
