import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import fp from "fastify-plugin";
import cookie from "@fastify/cookie";
import { can, CSRF_HEADER, type SessionUser } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import type { Access } from "../lib/access.js";
import { AppError } from "../lib/app-error.js";
import type { Clock } from "../lib/clock.js";

export const SESSION_COOKIE = "resettle_session";

export type SessionSettings = {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after login, used or not. */
  maxHours: number;
};
export const defaultSessionSettings: SessionSettings = { idleMinutes: 120, maxHours: 12 };

export type ActiveSession = { id: string; csrfToken: string; user: SessionUser };

type ApiRoute = { method: string; url: string; access: Access; schema?: FastifySchema };

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Every /api route with its access rule and its schema (body, params, querystring), as
     * registered: the permission matrix and the fuzzing of write routes read it.
     */
    apiRoutes: readonly ApiRoute[];
    /**
     * Every other route with its rule: the SPA's page and whatever a plugin adds outside /api (the
     * built SPA's files are public and not listed one by one).
     */
    pageRoutes: readonly ApiRoute[];
  }
  interface FastifyRequest {
    /** The signed-in session, when the request carried a valid one. */
    session: ActiveSession | null;
  }
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Touch lastSeenAt at most this often: one write per user per minute, not per request. */
const TOUCH_AFTER_MS = 60_000;

type Options = { prisma: PrismaClient; clock: Clock; settings: SessionSettings };

/**
 * Sessions stored in Postgres (several API processes can share them), the access rule of
 * every route, and CSRF: state-changing requests carry X-CSRF-Token equal to the session's.
 */
export const authPlugin = fp(async (app: FastifyInstance, { prisma, clock, settings }: Options) => {
  await app.register(cookie);
  app.decorateRequest("session", null);
  const apiRoutes: ApiRoute[] = [];
  const pageRoutes: ApiRoute[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.decorate("pageRoutes", pageRoutes);

  // Every route must say who may call it, in /api or not; a route without a rule is a bug, found
  // at start-up. The API's own docs and the built SPA's files (@fastify/static marks each file's
  // route with config.rootPath) are public.
  app.addHook("onRoute", (route) => {
    const staticFile = (route.config as { rootPath?: unknown } | undefined)?.rootPath !== undefined;
    if (route.url === "/api/openapi.json" || route.url.startsWith("/api/docs") || staticFile)
      route.config = { ...route.config, access: "public" };
    if (route.method === "HEAD") return;
    if (!route.config?.access) throw new Error(`${String(route.method)} ${route.url} declares no access rule`);
    if (staticFile) return;
    const list = route.url.startsWith("/api/") ? apiRoutes : pageRoutes;
    const schema = list === apiRoutes && route.schema ? { schema: route.schema } : {};
    for (const method of [route.method].flat())
      list.push({ method, url: route.url, access: route.config.access, ...schema });
  });

  app.addHook("onRequest", async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config?.access;
    if (!access || access === "public") {
      // the SPA, static files, 404s; health, docs, login; /me tells who is signed in, if anyone
      if (access === "public" && config.session === "optional") request.session = await loadSession(request, reply);
      return;
    }
    request.session = await loadSession(request, reply);
    if (!request.session) throw new AppError("UNAUTHORIZED", "Please sign in");
    // A password an administrator chose is changed before anything else is done with the account.
    if (request.session.user.mustChangePassword && !config.duringPasswordChange)
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "Change the password an administrator set before going on");
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== "string" || !sameSecret(given, request.session.csrfToken))
        throw new AppError("FORBIDDEN", "Missing or wrong X-CSRF-Token header");
    }
    if (access !== "session" && !can(request.session.user, access)) throw AppError.forbidden();
  });

  async function loadSession(request: FastifyRequest, reply: FastifyReply): Promise<ActiveSession | null> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const id = hashToken(token);
    const row = await prisma.session.findUnique({
      where: { id },
      include: {
        user: {
          select: {
            id: true,
            username: true,
            displayName: true,
            role: true,
            departmentId: true,
            mustChangePassword: true,
            active: true,
          },
        },
      },
    });
    const now = clock.now();
    const idleLimit = new Date(now.getTime() - settings.idleMinutes * 60_000);
    if (!row || !row.user.active || row.expiresAt <= now || row.lastSeenAt <= idleLimit) {
      if (row) await prisma.session.deleteMany({ where: { id } });
      clearSessionCookie(reply);
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS)
      await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
    const { active: _active, ...user } = row.user;
    return { id, csrfToken: row.csrfToken, user };
  }
});

/** A new session: a new random token every login (no fixation), a new CSRF token. The table keeps the token's hash. */
export async function createSession(
  db: Pick<PrismaClient, "session">,
  { userId, now, ip, userAgent }: { userId: string; now: Date; ip: string; userAgent: string | null },
  settings: SessionSettings,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + settings.maxHours * 3_600_000);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, csrfToken, expiresAt };
}

/** Hands the session's token to the browser: HttpOnly, SameSite=Strict, Secure over https. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  { token, expiresAt }: { token: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: request.protocol === "https",
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict" });
}

export { hashToken as sessionIdOf };
