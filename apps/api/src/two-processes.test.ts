import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, ReviewSchema } from "@resettle/domain";
import { createTestDatabase, type TestDatabase } from "@resettle/prisma/testing";
import { seededIds, type SeededIds } from "./test/fixtures.js";
import { raceOnLockedRow } from "./test/row-lock.js";
import { requestAs, signInOver, startApiProcess, type ApiProcess } from "./test/api-process.js";

/**
 * Two API processes on one Postgres (issue 14), as behind a load balancer: each its own pool and
 * memory. What one process knows, the other must know too: sessions, the sign-in throttle's
 * counts, and the versions and signatures that decide races. docs/testing.md lists how each was
 * seen failing.
 */

let db: TestDatabase;
let a: ApiProcess;
let b: ApiProcess;
let ids: SeededIds;
beforeAll(async () => {
  db = await createTestDatabase(inject("testDatabaseAdminUrl"));
  ids = await seededIds(db.prisma);
  [a, b] = await Promise.all([startApiProcess(db.url), startApiProcess(db.url)]);
}, 240_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

const login = (api: ApiProcess, username: string, password: string) =>
  fetch(`${api.base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });

it("a session made on one process works on the other, and ending it on one ends it on both", async () => {
  const session = await signInOver(a.base, "admin");
  const onB = requestAs(b.base, session);
  const me = await onB("GET", "/api/auth/me");
  expect(me.status).toBe(200);
  expect(((await me.json()) as { user: { username: string } }).user.username).toBe("admin");
  // A write on B with A's session and CSRF token.
  const wrote = await onB("POST", "/api/causes", { code: "two_processes", name: "两进程" });
  expect(wrote.status, await wrote.text()).toBe(201);
  expect((await onB("POST", "/api/auth/logout")).status).toBe(204);
  // /me answers whoever asks: with the session ended, nobody.
  expect(await (await requestAs(a.base, session)("GET", "/api/auth/me")).json()).toEqual({
    user: null,
    csrfToken: null,
  });
  expect((await requestAs(a.base, session)("GET", "/api/causes")).status).toBe(401);
});

it("wrong passwords alternated between the processes count as on one: one count, one wait", async () => {
  for (const api of [a, b, a, b]) expect((await login(api, "coord-dawa", "wrong")).status).toBe(401);
  // One row for the pair, whichever process was asked: four failures, the fourth starting the wait.
  const rows = await db.prisma.loginThrottle.findMany({ where: { key: { startsWith: "pair:coord-dawa|" } } });
  expect(rows.map((r) => r.failures)).toEqual([4]);
  expect(rows[0]!.notBefore.getTime()).toBeGreaterThan(rows[0]!.updatedAt.getTime());
});

it("simultaneous guesses spread over both processes: only the free attempts and the one that starts the wait are judged", async () => {
  const guesses = Array.from({ length: 12 }, (_, i) => login(i % 2 ? a : b, "coord-caizheng", `wrong-${i}`));
  const statuses = (await Promise.all(guesses)).map((res) => res.status);
  // As on one process (auth.routes.test.ts): three free, one that starts the wait, eight refused unjudged.
  expect(
    statuses.filter((s) => s === 401),
    String(statuses),
  ).toHaveLength(4);
  expect(statuses.filter((s) => s === 429)).toHaveLength(8);
  // The right password too, on either process, until the wait is over.
  expect((await login(a, "coord-caizheng", DEMO_PASSWORD)).status).toBe(429);
});

it("a version race between the processes: both read the record before either writes, one wins, the other gets 409", async () => {
  const id = ids.work.xuefuyuanPermit;
  const onA = requestAs(a.base, await signInOver(a.base, "coord-zhujian"));
  const onB = requestAs(b.base, await signInOver(b.base, "wg"));
  const answers = await raceOnLockedRow(db.url, "milestones", id, 2, () =>
    Promise.all([
      onA("PATCH", `/api/milestones/${id}`, { status: "planned", version: 1 }),
      onB("PATCH", `/api/milestones/${id}`, { status: "blocked", note: "两进程并发", version: 1 }),
    ]),
  );
  const bodies = await Promise.all(answers.map(async (res) => ({ status: res.status, body: await res.json() })));
  expect(bodies.map((r) => r.status).sort()).toEqual([200, 409]);
  const winner = bodies.find((r) => r.status === 200)!.body as { status: string; version: number };
  expect(bodies.find((r) => r.status === 409)!.body).toMatchObject({ error: { code: "CONFLICT", current: winner } });
  const stored = await db.prisma.milestone.findUniqueOrThrow({ where: { id } });
  expect({ status: stored.status, version: stored.version }).toEqual({ status: winner.status, version: 2 });
  expect(await db.prisma.auditEvent.count({ where: { entityType: "milestone", entityId: id } })).toBe(1);
});

it("sign-off raced between the processes: the last two departments sign at once, both count and the record locks", async () => {
  const person = async (name: string) => (await db.prisma.person.findFirstOrThrow({ where: { name } })).id;
  const wg = requestAs(a.base, await signInOver(a.base, "wg"));
  const created = await wg("POST", "/api/reviews", {
    groupId: ids.group,
    heldOn: "2026-10-01",
    attendeePersonIds: [ids.li, await person("蒋庭长（演示）"), ids.zhang],
    projects: [{ projectId: ids.hongwei, findings: "两进程会签", decisions: "同前", actions: [] }],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const review = ReviewSchema.parse(await created.json());
  const signer = async (api: ApiProcess, username: string) => {
    const as = requestAs(api.base, await signInOver(api.base, username));
    return () => as("POST", `/api/reviews/${review.id}/signatures`);
  };
  expect((await (await signer(b, "coord-zhujian"))()).status).toBe(201);
  const fayuan = await signer(a, "coord-fayuan");
  const shuangtaizi = await signer(b, "coord-shuangtaizi");
  const both = await raceOnLockedRow(db.url, "reviews", review.id, 2, () => Promise.all([fayuan(), shuangtaizi()]));
  expect(both.map((r) => r.status)).toEqual([201, 201]);
  const stored = await db.prisma.review.findUniqueOrThrow({
    where: { id: review.id },
    select: { lockedAt: true, version: true, _count: { select: { signatures: true } } },
  });
  expect(stored.lockedAt).not.toBeNull();
  expect(stored._count.signatures).toBe(3);
  expect(stored.version).toBe(review.version + 3);
});
