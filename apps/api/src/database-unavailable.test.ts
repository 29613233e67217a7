import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@resettle/domain";
import { createPrismaClient, type PrismaClient } from "@resettle/prisma/client";
import { buildApp } from "./app.js";
import { createTestApp, fixedClock } from "./test/test-app.js";
import { startTcpProxy } from "./test/tcp-proxy.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The app over its own Prisma client (pool size and wait of our choosing), with one route that opens a transaction. */
async function appOver(prisma: PrismaClient) {
  const app = await buildApp({ prisma, clock: fixedClock });
  app.get("/api/test/transaction", { config: { access: "public" } }, async () =>
    prisma.$transaction(async (tx) => (await tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)[0]),
  );
  cleanups.push(
    () => prisma.$disconnect(),
    () => app.close(),
  );
  return app;
}

const expect503 = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => {
  expect(res.statusCode).toBe(503);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  expect(res.json()).toEqual({
    error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String), requestId: expect.any(String) },
  });
};

describe("a saturated or unreachable database answers 503 with Retry-After, never 500", () => {
  it("while a transaction holds the only connection of the pool", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const prisma = createPrismaClient(t.db.url, { max: 1, waitMs: 500 });
    const app = await appOver(prisma);
    // Signed in through the test app (the session is in the database both share); the pool's one connection opened.
    const { cookie } = await t.login("leader");
    await prisma.$queryRaw`SELECT 1`;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding: () => void = () => {};
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        holding();
        await held;
      },
      { timeout: 20_000 },
    );
    await isHolding;
    try {
      // A transaction that cannot start in time, and a plain query that gets no connection.
      expect503(await app.inject({ url: "/api/test/transaction" }));
      expect503(await app.inject({ url: "/api/projects", headers: { cookie } }));
    } finally {
      release();
      await holder;
    }
    expect((await app.inject({ url: "/api/test/transaction" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/projects", headers: { cookie } })).statusCode).toBe(200);
  });

  it("while the database cannot be reached, and works again once it is back", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const real = new URL(t.db.url);
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(t.db.url);
    viaProxy.port = String(proxy.port);
    const app = await appOver(createPrismaClient(viaProxy.toString(), { max: 2, waitMs: 2000 }));
    const signIn = () =>
      app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "leader", password: DEMO_PASSWORD } });
    expect((await signIn()).statusCode).toBe(200);
    await proxy.cut();
    expect503(await signIn());
    expect503(await app.inject({ url: "/api/test/transaction" }));
    await proxy.restore();
    expect((await signIn()).statusCode).toBe(200);
    await proxy.cut();
  });
});
