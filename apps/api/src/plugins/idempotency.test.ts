import { randomUUID } from "node:crypto";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { seededIds, snapshot, type SeededIds } from "../test/fixtures.js";
import { raceOnLockedRow } from "../test/row-lock.js";
import { createTestApp, fixedClock, type TestApp } from "../test/test-app.js";

let t: TestApp | undefined;
afterEach(() => t?.close());

async function start(options: Parameters<typeof createTestApp>[0] = {}): Promise<[TestApp, SeededIds]> {
  t = await createTestApp(options);
  return [t, await seededIds(t.db.prisma)];
}

const reportTo = (projectId: string, payload: Record<string, unknown>, key?: string): InjectOptions => ({
  method: "POST",
  url: `/api/projects/${projectId}/progress-reports`,
  payload,
  ...(key ? { headers: { "idempotency-key": key } } : {}),
});
const ledgerSize = (app: TestApp, projectId: string) => app.db.prisma.progressReport.count({ where: { projectId } });

describe("Idempotency-Key on POST", () => {
  it("a repeated key replays the first answer: one entry, one audit row, the same body", async () => {
    const [app, ids] = await start();
    await app.as("coord-shuangtaizi")({ url: "/api/auth/me" }); // signed in (and its audit row) first
    const before = await ledgerSize(app, ids.xiangyang);
    const audits = await app.db.prisma.auditEvent.count();
    const key = randomUUID();
    const send = () =>
      app.as("coord-shuangtaizi")(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key));

    const first = await send();
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());

    expect(await ledgerSize(app, ids.xiangyang)).toBe(before + 1);
    expect(await app.db.prisma.auditEvent.count()).toBe(audits + 1);
    expect((await app.db.prisma.project.findUniqueOrThrow({ where: { id: ids.xiangyang } })).movedBack).toBe(923);
  });

  it("the same key with another body or path is refused (422 IDEMPOTENCY_KEY_REUSED) and writes nothing", async () => {
    const [app, ids] = await start();
    const as = app.as("coord-shuangtaizi");
    const key = randomUUID();
    expect((await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key))).statusCode).toBe(201);
    const before = await snapshot(app.db.prisma);

    const otherBody = await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 4 }, key));
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const otherPath = await app.as("admin")({ ...reportTo(ids.hongwei, { reportedOn: "2026-11-20", households: 3 }) });
    expect(otherPath.statusCode).toBe(201); // without the key: runs (API clients need not send one)
    const reusedOnOtherPath = await as({ ...reportTo(ids.hongwei, { reportedOn: "2026-11-20", households: 3 }, key) });
    expect(reusedOnOtherPath.statusCode).toBe(422);

    const after = await snapshot(app.db.prisma);
    expect(after.progressReports.length).toBe(before.progressReports.length + 1); // only the keyless one
  });

  it("the same body with its fields in another order is the same request", async () => {
    const [app, ids] = await start();
    const as = app.as("coord-shuangtaizi");
    const key = randomUUID();
    const first = await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3, note: "第三批" }, key));
    const reordered = await as(
      reportTo(ids.xiangyang, { note: "第三批", households: 3, reportedOn: "2026-11-20" }, key),
    );
    expect(reordered.statusCode).toBe(201);
    expect(reordered.json()).toEqual(first.json());
  });

  it("a key is the user's own: another user's identical key is another request", async () => {
    const [app, ids] = await start();
    const before = await ledgerSize(app, ids.xiangyang);
    const key = randomUUID();
    const payload = { reportedOn: "2026-11-20", households: 3 };
    expect((await app.as("coord-shuangtaizi")(reportTo(ids.xiangyang, payload, key))).statusCode).toBe(201);
    const other = await app.as("admin")(reportTo(ids.xiangyang, payload, key));
    expect(other.statusCode).toBe(201);
    expect(other.headers["idempotent-replayed"]).toBeUndefined();
    expect(await ledgerSize(app, ids.xiangyang)).toBe(before + 2);
  });

  it("a malformed key is refused field by field and writes nothing", async () => {
    const [app, ids] = await start();
    await app.as("admin")({ url: "/api/auth/me" });
    const before = await snapshot(app.db.prisma);
    for (const key of ["short", "x".repeat(129), "has spaces in it, sixteen+", "key.with.dots.sixteen"]) {
      const res = await app.as("admin")(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key));
      expect(res.statusCode, key).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ path: "headers.idempotency-key", reason: "invalid_format" }),
      ]);
    }
    expect(await snapshot(app.db.prisma)).toEqual(before);
  });

  it("a refused request frees its key: the corrected retry runs", async () => {
    const [app, ids] = await start();
    const as = app.as("admin");
    const key = randomUUID();
    const tooMany = await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 100_000 }, key));
    expect(tooMany.statusCode).toBe(400);
    expect(await app.db.prisma.idempotencyKey.count()).toBe(0);
    const corrected = await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key));
    expect(corrected.statusCode).toBe(201);
  });

  it("keys are kept a day: after that the key is free again, and old keys are swept", async () => {
    let now = fixedClock.now();
    const [app, ids] = await start({ clock: { now: () => now }, sessions: { idleMinutes: 3_000, maxHours: 50 } });
    const as = app.as("admin");
    const key = randomUUID();
    expect((await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key))).statusCode).toBe(201);
    now = new Date(now.getTime() + 25 * 3_600_000);
    const later = await as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 4 }, key));
    expect(later.statusCode).toBe(201);
    expect(later.headers["idempotent-replayed"]).toBeUndefined();
    expect(await app.db.prisma.idempotencyKey.count()).toBe(1);
  });

  /**
   * Forces the race: the first request holds its key while it waits on a row lock (the project's
   * row, which a report updates); the second, with the same key, arrives while the first is
   * still in flight. It must neither write nor wait on the lock behind the first.
   */
  it("a repeat arriving while the first is in flight never writes twice (forced with a row lock)", async () => {
    const [app, ids] = await start({ idempotency: { waitMs: 200 } });
    const as = app.as("admin");
    await as({ url: "/api/auth/me" }); // signed in before the lock is taken
    const before = await ledgerSize(app, ids.xiangyang);
    const key = randomUUID();
    const send = () => as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key));

    const holder = new pg.Client({ connectionString: app.db.url });
    const watcher = new pg.Client({ connectionString: app.db.url });
    await Promise.all([holder.connect(), watcher.connect()]);
    const waitingOnLock = async () =>
      (
        await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
          [(holder as unknown as { processID: number }).processID],
        )
      ).rows[0]!.n;
    const until = async (done: () => Promise<boolean>) => {
      const deadline = Date.now() + 10_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error("timed out");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    let first: Promise<LightMyRequestResponse> | undefined;
    let second: LightMyRequestResponse | undefined;
    let secondWaitsOnLock = false;
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [ids.xiangyang]);
      first = send();
      await until(async () => (await waitingOnLock()) >= 1); // the first holds the key and waits
      const pending = send().then((res) => (second = res));
      // Either the second answers (it saw the key in flight) or it queues on the lock behind the first.
      await until(async () => second !== undefined || (secondWaitsOnLock = (await waitingOnLock()) >= 2));
      await holder.query("COMMIT");
      await pending;
    } finally {
      await Promise.all([holder.end(), watcher.end()]);
    }
    const firstAnswer = await first!;
    expect(secondWaitsOnLock).toBe(false);
    expect(firstAnswer.statusCode).toBe(201);
    expect(second!.statusCode).toBe(409);
    expect(second!.json().error.code).toBe("REQUEST_IN_PROGRESS");
    expect(second!.headers["retry-after"]).toBe("1");
    expect(await ledgerSize(app, ids.xiangyang)).toBe(before + 1);

    const retried = await send();
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual(firstAnswer.json());
    expect(await ledgerSize(app, ids.xiangyang)).toBe(before + 1);
  });

  // Forced: the first is held on the project's row (raceOnLockedRow) while the repeat is sent; the
  // repeat must still be waiting (not answered) when the first is let go.
  it("a repeat that arrives while the first runs gets the first one's answer once it is done", async () => {
    const [app, ids] = await start();
    const as = app.as("admin");
    await as({ url: "/api/auth/me" });
    const before = await ledgerSize(app, ids.xiangyang);
    const key = randomUUID();
    const send = () => as(reportTo(ids.xiangyang, { reportedOn: "2026-11-20", households: 3 }, key));
    let repeat: Promise<LightMyRequestResponse> | undefined;
    let repeatAnswered = false;
    const first = await raceOnLockedRow(app.db.url, "projects", ids.xiangyang, 1, send, undefined, async () => {
      // The first waits on the lock: the repeat goes now, and is given ten polls' time to answer.
      repeat = send().finally(() => (repeatAnswered = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(repeatAnswered, "the repeat answered while the first was still held").toBe(false);
    });
    const second = await repeat!;
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toEqual(first.json());
    expect(await ledgerSize(app, ids.xiangyang)).toBe(before + 1);
  });
});
