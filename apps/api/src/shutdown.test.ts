import { afterEach, expect, inject, it } from "vitest";
import http from "node:http";
import net from "node:net";
import pg from "pg";
import { createTestDatabase } from "@resettle/prisma/testing";
import { requestAs, signInOver, startApiProcess, type Exit } from "./test/api-process.js";

/**
 * Graceful shutdown (issue 14): SIGTERM to a real server process under load. Requests it has
 * accepted are answered as usual; only then do its pool and its process end, with exit code 0,
 * within seconds. docs/testing.md lists what each assertion proves and how it was seen failing.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

/** Statements of the database waiting on a lock, other than the holder's. */
async function lockWaiters(watcher: pg.Client, holderPid: number) {
  const { rows } = await watcher.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
    [holderPid],
  );
  return rows[0]!.n;
}

/** What a new TCP connection to the server meets: "connected", or the error's code. */
const connectionTo = (url: URL) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });

type Outcome = { sentAt: number; status?: number; body?: string; error?: string };

/** The answer, or the network failure (fetch's cause: ECONNREFUSED, ECONNRESET, "other side closed"). */
const settle = async (sentAt: number, sent: Promise<Response>): Promise<Outcome> =>
  sent.then(
    async (res) => ({ sentAt, status: res.status, body: await res.text() }),
    (error: unknown) => {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { sentAt, error: cause?.code ?? cause?.message ?? String(error) };
    },
  );

/** Slow writes and as many slow reads: together fewer than the pool's 20 connections, so the load still gets through. */
const SLOW = 6;

/** Fastify's answer to a request that reaches it while it closes (return503OnClosing). */
const CLOSING_503 = '{"error":"Service Unavailable","message":"Service Unavailable","statusCode":503}';

it("SIGTERM under load: every accepted request answered as usual, then exit 0 within seconds", async () => {
  const db = await createTestDatabase(inject("testDatabaseAdminUrl"));
  cleanups.push(() => db.drop());
  const api = await startApiProcess(db.url);
  cleanups.push(() => api.stop());
  const session = await signInOver(api.base, "admin");
  const as = requestAs(api.base, session);

  // Load: sixteen clients reading without pause, each over its own keep-alive connection, until the process is gone.
  let exited: Exit | undefined;
  void api.exited.then((exit) => (exited = exit));
  const background: Outcome[] = [];
  const loopers = Array.from({ length: 16 }, async (_, i) => {
    const url = ["/api/dashboard", "/api/departments", "/api/overdue-work", "/api/auth/me"][i % 4]!;
    while (!exited) {
      const outcome = await settle(Date.now(), as("GET", url));
      background.push(outcome);
      if (outcome.error) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));

  // Slow requests the server has certainly accepted: each waits in Postgres on a lock the test holds.
  const holder = new pg.Client({ connectionString: db.url });
  const watcher = new pg.Client({ connectionString: db.url });
  await Promise.all([holder.connect(), watcher.connect()]);
  cleanups.push(
    () => holder.end(),
    () => watcher.end(),
  );
  const holderPid = (holder as unknown as { processID: number }).processID;
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE causes IN ACCESS EXCLUSIVE MODE");
  // Each over a keep-alive connection of its own that the client then leaves open, as a browser does.
  const slow = (method: string, url: string, body?: unknown) =>
    new Promise<Outcome>((resolve) => {
      const sentAt = Date.now();
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      cleanups.push(async () => agent.destroy());
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        `${api.base}${url}`,
        {
          method,
          agent,
          headers: {
            cookie: session.cookie,
            "x-csrf-token": session.csrfToken,
            ...(payload ? { "content-type": "application/json" } : {}),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ sentAt, status: res.statusCode, body: text }));
          res.on("error", (error: NodeJS.ErrnoException) => resolve({ sentAt, error: error.code ?? error.message }));
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => resolve({ sentAt, error: error.code ?? error.message }));
      req.end(payload);
    });
  const writes = Array.from({ length: SLOW }, (_, i) =>
    slow("POST", "/api/causes", { code: `drain_${i}`, name: `排空测试 ${i}` }),
  );
  const reads = Array.from({ length: SLOW }, () => slow("GET", "/api/causes"));
  const deadline = Date.now() + 20_000;
  while ((await lockWaiters(watcher, holderPid)) < 2 * SLOW) {
    if (Date.now() > deadline) throw new Error(`the slow requests did not all reach the lock:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const signalledAt = Date.now();
  api.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // Meanwhile: still there, waiting for the requests it has; a new connection is turned away.
  const meanwhile = { exited, newConnection: await connectionTo(new URL(api.base)) };

  await holder.query("COMMIT");
  const releasedAt = Date.now();
  const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
  expect(
    written.map((o) => o.status ?? o.error),
    api.output(),
  ).toEqual(Array(SLOW).fill(201));
  expect(read.map((o) => o.status ?? o.error)).toEqual(Array(SLOW).fill(200));
  // The writes are in the database: answered after their commit, not before.
  expect(await db.prisma.cause.count({ where: { code: { startsWith: "drain_" } } })).toBe(SLOW);
  expect(meanwhile).toEqual({ exited: undefined, newConnection: "ECONNREFUSED" });

  const exit = await Promise.race([
    api.exited,
    new Promise<"late">((resolve) => setTimeout(() => resolve("late"), 10_000)),
  ]);
  expect(exit, `did not exit within 10 s of the last answer:\n${api.output()}`).toEqual({ code: 0, signal: null });
  const exitMs = Date.now() - releasedAt;
  await Promise.all(loopers);

  // The load: answered as usual up to the end; turned away only once the signal is there, and only
  // as a refusal (the closing 503, a connection refused or reset before any answer), never an error.
  // "There" from 100 ms before it is sent: a request sent on an idle keep-alive connection just
  // before may reach the server after it began closing its idle connections (not accepted: that
  // race is every keep-alive client's, retried by it). The slow requests above are the accepted ones.
  const ok = background.filter((o) => o.status === 200);
  const turnedAway = (o: Outcome) => o.sentAt >= signalledAt - 100 && (o.body === CLOSING_503 || o.error !== undefined);
  const afterSignal = background.filter((o) => o.sentAt >= signalledAt);
  const failed = background.filter((o) => o.status !== 200 && !turnedAway(o));
  expect(ok.length).toBeGreaterThan(20);
  expect(failed, `exit ${exitMs} ms after release; ${afterSignal.length} sent after the signal`).toEqual([]);
}, 120_000);
