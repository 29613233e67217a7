import type {} from "@resettle/prisma/vitest-context";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { InjectOptions } from "fastify";
import { afterEach, beforeEach, inject } from "vitest";
import { DEMO_PASSWORD, EVIDENCE_MAX_MB_DEFAULT, type AuthResponse } from "@resettle/domain";
import { createTestDatabase } from "@resettle/prisma/testing";
import { seededIds, type SeededIds } from "./fixtures.js";
import { buildApp, type AppOptions } from "../app.js";
import type { Clock } from "../lib/clock.js";
import { filesystemStore } from "../lib/file-store.js";

/** 2026-11-25 10:00 in Panjin. */
export const fixedClock: Clock = { now: () => new Date("2026-11-25T02:00:00Z") };

export type TestSession = AuthResponse & { cookie: string };

/** The whole app over a private copy of the seeded database (the plan, the demo data and accounts). */
export async function createTestApp(
  options: {
    clock?: Clock;
    sessions?: AppOptions["sessions"];
    signInHooks?: AppOptions["signInHooks"];
    idempotency?: AppOptions["idempotency"];
    /** Evidence files: by default a fresh directory of the test's own, removed with it, and the default limit. */
    evidence?: Partial<NonNullable<AppOptions["evidence"]>>;
  } = {},
) {
  const db = await createTestDatabase(inject("testDatabaseAdminUrl"));
  const evidenceDir = await mkdtemp(path.join(os.tmpdir(), "resettle-evidence-test-"));
  const app = await buildApp({
    prisma: db.prisma,
    clock: options.clock ?? fixedClock,
    sessions: options.sessions,
    signInHooks: options.signInHooks,
    idempotency: options.idempotency,
    evidence: {
      store: options.evidence?.store ?? filesystemStore(evidenceDir),
      maxBytes: options.evidence?.maxBytes ?? EVIDENCE_MAX_MB_DEFAULT * 1024 * 1024,
    },
  });
  const sessions = new Map<string, Promise<TestSession>>();

  /** Signs in through the real login route; throws unless it answers 200. */
  const login = async (username: string, password = DEMO_PASSWORD): Promise<TestSession> => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "resettle_session");
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return { ...(res.json() as AuthResponse), cookie: `${cookie.name}=${cookie.value}` };
  };

  /** Requests as that user (signed in once per test app), with the session cookie and CSRF token. */
  const as = (username: string) => async (request: InjectOptions) => {
    if (!sessions.has(username)) sessions.set(username, login(username));
    const session = await sessions.get(username)!;
    return app.inject({
      ...request,
      headers: { ...request.headers, cookie: session.cookie, "x-csrf-token": session.csrfToken },
    });
  };

  return {
    app,
    db,
    login,
    as,
    /** Where the default file store keeps this test's evidence files. */
    evidenceDir,
    close: async () => {
      await app.close();
      await db.drop();
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * Each test of the file on its own app over a fresh copy of the seeded database, closed after
 * it; `use` receives the app and the seeded ids.
 */
export function eachTestApp(use: (app: TestApp, ids: SeededIds) => void) {
  let app: TestApp | undefined;
  beforeEach(async () => {
    app = await createTestApp();
    use(app, await seededIds(app.db.prisma));
  });
  afterEach(() => app?.close());
}
