import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { InjectOptions } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@resettle/domain";
import { createPrismaClient, type DatabaseTimeouts, type PrismaClient } from "@resettle/prisma/client";
import { startEmbeddedPostgres, type RunningPostgres } from "@resettle/prisma/embedded-postgres";
import { applyMigrations } from "@resettle/prisma/migrate";
import { seedDatabase } from "@resettle/prisma/seed";
import { buildApp } from "./app.js";
import { createTestApp, fixedClock } from "./test/test-app.js";
import { startTcpProxy } from "./test/tcp-proxy.js";

/**
 * Database faults (issue 14): the database stops answering — a partition or a paused server
 * (connections open, nothing comes back) — or stops outright. Requests answer 503 within a few
 * seconds, a write answered 503 is never applied later, /api/health says so, and the API serves
 * again within 5 s of the database returning. docs/testing.md lists what each test proves.
 */

/** Shorter than the defaults (3 s, 4 s) to keep the file quick; the same rules. */
const timeouts: DatabaseTimeouts = { connectMs: 1000, statementMs: 1500, transactionMs: 60_000 };
/** The client's patience for one answer: statementMs + 1 s (bounded-pool.ts). */
const answerMs = timeouts.statementMs + 1000;
/** Every request answers within this: a new connection that gets nowhere, then an answer that does not come, and slack for a loaded machine. */
const ANSWER_BOUND_MS = timeouts.connectMs + answerMs + 3000;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

type Hook = () => void | Promise<void>;

/**
 * The app over its own bounded Prisma client, with two probe writes on a table of the test's own:
 * one a single statement (autocommit), one a transaction that calls `beforeCommit` between its
 * INSERT and its COMMIT — so that a test stops the database exactly there, with the COMMIT the
 * next thing sent.
 */
async function faultApp(url: string, bounds: DatabaseTimeouts = timeouts, { signedIn = true } = {}) {
  // The pool wait as in production (10 s): longer than any bound under test, so none hides behind it.
  const prisma = createPrismaClient(url, { max: 4, waitMs: 10_000, timeouts: bounds });
  const app = await buildApp({ prisma, clock: fixedClock });
  let beforeCommit: Hook = () => {};
  /** The database's own code for the last failure of the sleep routes (57014, 25P04 …), or the driver's kind. */
  let lastFailure: string | undefined;
  const noting = async <T>(work: () => Promise<T>) =>
    work().catch((error: unknown) => {
      const adapter = (
        error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } }
      ).meta?.driverAdapterError?.cause;
      lastFailure = adapter?.originalCode ?? adapter?.kind;
      throw error;
    });
  app.post<{ Params: { id: string } }>(
    "/api/test/probe/:id/autocommit",
    { config: { access: "public" } },
    async (request) => {
      await prisma.$executeRaw`INSERT INTO fault_probe (id) VALUES (${request.params.id})`;
      return { written: true };
    },
  );
  app.post<{ Params: { id: string } }>(
    "/api/test/probe/:id/transaction",
    { config: { access: "public" } },
    async (request) =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO fault_probe (id) VALUES (${request.params.id})`;
        await beforeCommit();
        return { written: true };
      }),
  );
  app.get<{ Querystring: { seconds: string } }>(
    "/api/test/sleep",
    { config: { access: "public" } },
    async (request) => {
      await noting(() => prisma.$queryRaw`SELECT 1 AS one FROM pg_sleep(${Number(request.query.seconds)}::float8)`);
      return { slept: true };
    },
  );
  app.get<{ Querystring: { seconds: string; times: string } }>(
    "/api/test/sleep-in-transaction",
    { config: { access: "public" } },
    async (request) =>
      noting(() =>
        prisma.$transaction(
          async (tx) => {
            for (let i = 0; i < Number(request.query.times); i++)
              await tx.$queryRaw`SELECT 1 AS one FROM pg_sleep(${Number(request.query.seconds)}::float8)`;
            return { slept: true };
          },
          { timeout: 60_000 },
        ),
      ),
  );
  cleanups.push(
    () => prisma.$disconnect(),
    () => app.close(),
  );
  const admin = signedIn ? await signIn(app, "admin") : { cookie: "", csrfToken: "" };
  const timed = async (request: InjectOptions) => {
    const started = Date.now();
    const res = await app.inject(request);
    return { res, ms: Date.now() - started };
  };
  return {
    app,
    prisma,
    admin,
    timed,
    setBeforeCommit: (hook: Hook) => (beforeCommit = hook),
    lastFailure: () => lastFailure,
    probe: (id: string, kind: "autocommit" | "transaction") =>
      timed({ method: "POST", url: `/api/test/probe/${id}/${kind}` }),
    /** A real audited write: a cause (admin). */
    createCause: (code: string) =>
      timed({
        method: "POST",
        url: "/api/causes",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
        payload: { code, name: `故障测试 ${code}` },
      }),
    read: () => timed({ url: "/api/projects", headers: { cookie: admin.cookie } }),
    health: () => timed({ url: "/api/health" }),
  };
}

async function signIn(app: Awaited<ReturnType<typeof buildApp>>, username: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === "resettle_session")!;
  return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

type Timed = { res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }; ms: number };

/** 503 in the standard shape with Retry-After, and soon. */
function expectUnavailable({ res, ms }: Timed) {
  expect(res.statusCode).toBe(503);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  expect(res.json()).toEqual({
    error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String), requestId: expect.any(String) },
  });
  expect(ms).toBeLessThan(ANSWER_BOUND_MS);
}

function expectHealthDown({ res, ms }: Timed) {
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({ status: "degraded", database: "unreachable" });
  expect(ms).toBeLessThan(ANSWER_BOUND_MS);
}

/** Polls a read until it answers 200: the time from the database's return to the API serving again. */
async function recoveryMs(read: () => Promise<Timed>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    const { res } = await read();
    if (res.statusCode === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Infinity;
}

/** Which of the ids are in the table, read past the fault (directly, not through the app's pool). */
async function written(direct: PrismaClient, ids: string[]): Promise<string[]> {
  const rows = await direct.$queryRaw<{ id: string }[]>`SELECT id FROM fault_probe WHERE id = ANY(${ids})`;
  return rows.map((r) => r.id).sort();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the server's own bounds, on a database that answers", () => {
  it("a statement past statement_timeout is cancelled by the server (57014), not by the client giving up, and answered 503", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const f = await faultApp(t.db.url);
    const slow = await f.timed({ url: "/api/test/sleep?seconds=30" });
    expectUnavailable(slow);
    // The server's cancel, not the client giving up (that would be SocketTimeout).
    expect(f.lastFailure()).toBe("57014");
    expect((await f.timed({ url: "/api/test/sleep?seconds=0" })).res.statusCode).toBe(200);
  });

  it("a transaction past transaction_timeout is ended by the server (25P04) and answered 503", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const f = await faultApp(t.db.url, { ...timeouts, transactionMs: 1000 });
    // Four statements of 0.4 s: each within statement_timeout, never idle, but 1.6 s in all.
    expectUnavailable(await f.timed({ url: "/api/test/sleep-in-transaction?seconds=0.4&times=4" }));
    expect(f.lastFailure()).toBe("25P04");
    expect((await f.timed({ url: "/api/test/sleep-in-transaction?seconds=0.1&times=2" })).res.statusCode).toBe(200);
  });

  it("the pool never lends a connection the server has ended for idling, even when the client has not heard of it yet", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    const real = new URL(t.db.url);
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    cleanups.push(() => proxy.cut());
    const viaProxy = new URL(t.db.url);
    viaProxy.port = String(proxy.port);
    const f = await faultApp(viaProxy.toString(), timeouts, { signedIn: false });
    // Four connections open, then quiet past idle_session_timeout (statementMs); the server's
    // "terminating connection due to idle-session timeout" and its closing never reach the client.
    const warm = await Promise.all([1, 2, 3, 4].map(() => f.timed({ url: "/api/test/sleep?seconds=0.2" })));
    for (const { res } of warm) expect(res.statusCode).toBe(200);
    proxy.holdFromServerOnOpenConnections();
    await sleep(timeouts.statementMs + 1000);
    const after = await Promise.all([1, 2, 3, 4].map(() => f.timed({ url: "/api/test/sleep?seconds=0" })));
    for (const { res } of after) expect(res.statusCode).toBe(200);
  });
});

describe("the database stops answering: a partition (a proxy that holds everything, then delivers it)", () => {
  it("reads and writes answer 503 within seconds; nothing held and delivered on resume is applied; health says so; back within 5 s", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    await t.db.prisma.$executeRaw`CREATE TABLE fault_probe (id text PRIMARY KEY)`;
    const real = new URL(t.db.url);
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    cleanups.push(() => proxy.cut());
    const viaProxy = new URL(t.db.url);
    viaProxy.port = String(proxy.port);
    const f = await faultApp(viaProxy.toString());
    // Connections in the pool, and the probes known to work.
    expect((await f.probe("before", "autocommit")).res.statusCode).toBe(200);
    expect((await f.read()).res.statusCode).toBe(200);

    // The transaction's COMMIT is the next thing sent when the partition begins.
    f.setBeforeCommit(() => proxy.pause());
    const inTransaction = f.probe("tx", "transaction");
    await sleep(200);
    const answers = await Promise.all([
      inTransaction,
      f.probe("single", "autocommit"),
      f.createCause("partition"),
      f.read(),
      f.health(),
    ]);
    expect(proxy.heldTowardServer()).toBeGreaterThan(0);
    const [tx, single, cause, read, health] = answers;
    for (const answer of [tx, single, cause, read]) expectUnavailable(answer);
    expectHealthDown(health);

    // The partition heals: everything held reaches the server, which must apply none of it.
    proxy.resume();
    f.setBeforeCommit(() => {});
    const back = await recoveryMs(f.read);
    expect(back).toBeLessThan(5000);
    await sleep(500);
    expect(await written(t.db.prisma, ["before", "tx", "single"])).toEqual(["before"]);
    expect(await t.db.prisma.cause.count({ where: { code: "partition" } })).toBe(0);
    expect((await f.health()).res.statusCode).toBe(200);
    expect((await f.probe("after", "transaction")).res.statusCode).toBe(200);
  });
});

/** The processes of our own Postgres server: the postmaster (postmaster.pid) and its children. */
async function serverProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

describe("the database stops answering: a new connection", () => {
  it("a connection that gets no answer to its startup fails within the connect bound (not the 10 s pool wait) and answers 503", async () => {
    const t = await createTestApp();
    cleanups.push(t.close);
    await t.db.prisma.$executeRaw`CREATE TABLE fault_probe (id text PRIMARY KEY)`;
    const real = new URL(t.db.url);
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    cleanups.push(() => proxy.cut());
    const viaProxy = new URL(t.db.url);
    viaProxy.port = String(proxy.port);
    // No request yet: the pool is empty, so the probe must open a connection, and the server never answers it.
    const f = await faultApp(viaProxy.toString(), timeouts, { signedIn: false });
    proxy.pause();
    const answer = await f.probe("new-connection", "autocommit");
    expectUnavailable(answer);
    expect(answer.ms).toBeLessThan(timeouts.connectMs + 3000);
    proxy.resume();
    expect(await written(t.db.prisma, ["new-connection"])).toEqual([]);
  });
});

describe("a server of this test's own, paused (SIGSTOP) and stopped", () => {
  let server: RunningPostgres;
  let dir: string;
  let direct: PrismaClient;
  const databaseUrl = () => server.urlFor("postgres");
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "resettle-faults-pg-"));
    await chmod(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), notice: () => {} });
    await applyMigrations(databaseUrl());
    direct = createPrismaClient(databaseUrl(), { max: 2 });
    await seedDatabase(direct, { demo: true });
    await direct.$executeRaw`CREATE TABLE fault_probe (id text PRIMARY KEY)`;
  }, 120_000);
  afterAll(async () => {
    await direct?.$disconnect();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(server.dataDir, { recursive: true, force: true });
  });

  it("paused: 503 within seconds; the COMMIT and the INSERT waiting in its socket are not applied on resume; back within 5 s", async () => {
    const f = await faultApp(databaseUrl());
    expect((await f.read()).res.statusCode).toBe(200);
    expect((await f.probe("paused-before", "autocommit")).res.statusCode).toBe(200);
    // Our direct client's connections must not stay open across the pause (they are not under test).
    await direct.$disconnect();

    let pids: number[] = [];
    const pause = async () => {
      pids = await serverProcesses(server.dataDir);
      execFileSync("kill", ["-STOP", ...pids.map(String)]);
    };
    const resume = () => execFileSync("kill", ["-CONT", ...pids.map(String)]);
    cleanups.push(async () => resume());
    // Paused between the INSERT and the COMMIT: the COMMIT lands in the paused server's socket.
    f.setBeforeCommit(pause);
    try {
      const inTransaction = f.probe("paused-tx", "transaction");
      await sleep(300);
      const [tx, single, cause, read, health] = await Promise.all([
        inTransaction,
        f.probe("paused-single", "autocommit"),
        f.createCause("paused"),
        f.read(),
        f.health(),
      ]);
      for (const answer of [tx, single, cause, read]) expectUnavailable(answer);
      expectHealthDown(health);
    } finally {
      resume();
      f.setBeforeCommit(() => {});
    }
    const back = await recoveryMs(f.read);
    expect(back).toBeLessThan(5000);
    await sleep(500);
    expect(await written(direct, ["paused-before", "paused-tx", "paused-single"])).toEqual(["paused-before"]);
    expect(await direct.cause.count({ where: { code: "paused" } })).toBe(0);
    expect((await f.health()).res.statusCode).toBe(200);
  });

  it("stopped outright: 503 at once while it is down, health says so; back within 5 s of it starting again", async () => {
    const f = await faultApp(databaseUrl());
    expect((await f.read()).res.statusCode).toBe(200);
    await direct.$disconnect();
    const port = Number(new URL(databaseUrl()).port);
    await server.stop();
    try {
      const [single, cause, read, health] = await Promise.all([
        f.probe("stopped-single", "autocommit"),
        f.createCause("stopped"),
        f.read(),
        f.health(),
      ]);
      for (const answer of [single, cause, read]) expectUnavailable(answer);
      expectHealthDown(health);
    } finally {
      server = await startEmbeddedPostgres({ dataDir: server.dataDir, port, notice: () => {} });
    }
    const back = await recoveryMs(f.read);
    expect(back).toBeLessThan(5000);
    expect(await written(direct, ["stopped-single"])).toEqual([]);
    expect(await direct.cause.count({ where: { code: "stopped" } })).toBe(0);
  });
});
