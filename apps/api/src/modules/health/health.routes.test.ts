import { afterEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@resettle/prisma/client";
import { buildApp } from "../../app.js";
import { createTestApp } from "../../test/test-app.js";
import { startTcpProxy } from "../../test/tcp-proxy.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("GET /api/health", () => {
  it("answers 200 with the database ok", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 while the database is unreachable, and 200 again once it is back", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const real = new URL(t.db.url);
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(t.db.url);
    viaProxy.port = String(proxy.port);
    const prisma = createPrismaClient(viaProxy.toString(), { max: 2 });
    const app = await buildApp({ prisma });
    cleanups.push(
      () => prisma.$disconnect(),
      () => app.close(),
    );

    expect((await app.inject({ url: "/api/health" })).statusCode).toBe(200);
    await proxy.cut();
    const down = await app.inject({ url: "/api/health" });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: "degraded", database: "unreachable" });
    await proxy.restore();
    const back = await app.inject({ url: "/api/health" });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ status: "ok", database: "ok" });
    await proxy.cut();
    expect(inject("testDatabaseAdminUrl")).toBeTruthy();
  });
});
