import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UtilityTicketPageSchema, UtilityTicketSchema } from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

// 水电暖问题 (issue 11): anyone signed in records a ticket; its deadline comes from the kind and
// the season (heating 24 h from 1 Nov to 31 Mar); the responsible department's coordinator moves it.
// The test clock stands at 2026-11-25 10:00 in China: in the heating season.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-shuangtaizi", "coord-dawa", "coord-zhujian"];
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const record = (user: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: "/api/utility-tickets", payload });
const heating = (extra: Record<string, unknown> = {}) => ({
  projectId: ids.guangsha,
  householdId: ids.household,
  kind: "heating",
  channel: "hotline_12345",
  reportedAt: "2026-11-25T01:00:00.000Z",
  description: "暖气不热，室温 12 ℃",
  ...extra,
});
const move = (user: string, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "PATCH", url: `/api/utility-tickets/${id}`, payload });

async function recorded(user = "leader", payload = heating()) {
  const res = await record(user, payload);
  expect(res.statusCode, res.body).toBe(201);
  return UtilityTicketSchema.strict().parse(res.json());
}

/** The coordinator account of a department (demo accounts: one per department). */
async function coordinatorOf(departmentId: string) {
  const user = await t.db.prisma.user.findFirstOrThrow({ where: { role: "coordinator", departmentId } });
  await t.as(user.username)({ url: "/api/auth/me" });
  return user.username;
}

describe("POST /api/utility-tickets", () => {
  it("anyone signed in records one; heating in the season is due in 24 hours, for the project's department", async () => {
    const ticket = await recorded("leader");
    expect(ticket).toMatchObject({
      status: "open",
      kind: "heating",
      deadlineAt: "2026-11-26T01:00:00.000Z",
      overdue: false,
      householdName: expect.stringContaining("（演示）"),
      projectName: "广厦小区",
    });
    expect(ticket.responsibleDepartment).not.toBeNull();
    const events = await t.db.prisma.auditEvent.findMany({ where: { entityId: ticket.id } });
    expect(events.map((e) => e.action)).toEqual(["create"]);
  });

  it("gives heating 7 days out of the season, water and power 48 hours", async () => {
    const summer = await recorded("wg", heating({ reportedAt: "2026-07-01T02:00:00.000Z" }));
    expect(summer.deadlineAt).toBe("2026-07-08T02:00:00.000Z");
    const water = await recorded("coord-zhujian", heating({ kind: "water", householdId: null }));
    expect(water.deadlineAt).toBe("2026-11-27T01:00:00.000Z");
  });

  it("refuses a report from the future, a household of another project, an unknown kind — writing nothing", async () => {
    const before = await snapshot(t.db.prisma);
    expect(detailPaths(await record("leader", heating({ reportedAt: "2026-11-26T01:00:00.000Z" })))).toEqual([
      "body.reportedAt",
    ]);
    expect(detailPaths(await record("leader", heating({ projectId: ids.xiangyang })))).toEqual(["body.householdId"]);
    expect(detailPaths(await record("leader", heating({ kind: "gas" })))).toEqual(["body.kind"]);
    expect(detailPaths(await record("leader", heating({ description: "x".repeat(501) })))).toEqual([
      "body.description",
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("GET /api/utility-tickets", () => {
  it("finds the overdue ones (open past the deadline), by kind and project", async () => {
    const page = async (query: string) =>
      UtilityTicketPageSchema.parse(
        (await t.as("coord-dawa")({ url: `/api/utility-tickets?${query}&pageSize=100` })).json(),
      );
    const before = { overdue: await page("overdue=true"), water: await page("kind=water"), all: await page("") };
    // The demo's heating ticket of 20 Nov is overdue (due 21 Nov).
    expect(before.overdue.items.map((i) => [i.kind, i.projectName, i.overdue])).toEqual([
      ["heating", "广厦小区", true],
    ]);
    const late = await recorded("leader", heating({ reportedAt: "2026-11-23T02:00:00.000Z" }));
    await recorded("leader", heating({ kind: "water" }));
    const overdue = await page("overdue=true");
    expect(overdue.total).toBe(before.overdue.total + 1);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect(overdue.items.map((i) => i.id)).toContain(late.id);
    expect((await page("kind=water")).total).toBe(before.water.total + 1);
    expect((await page(`projectId=${ids.xiangyang}`)).total).toBe(0);
    expect((await page("overdue=false")).total).toBe(before.all.total + 2 - overdue.total);
  });

  it("lists the unresolved ones (open or in progress) first, then the rest; unresolved=true/false splits them", async () => {
    const page = async (query: string) =>
      UtilityTicketPageSchema.parse((await t.as("wg")({ url: `/api/utility-tickets?${query}&pageSize=100` })).json());
    const all = await page("");
    const statuses = all.items.map((i) => i.status);
    // The demo: two open, one in progress, one confirmed; the confirmed one (10 Oct) last despite its earlier deadline.
    expect(statuses.at(-1)).toBe("confirmed");
    const open = await page("unresolved=true");
    expect(open.items.map((i) => i.status).sort()).toEqual(["in_progress", "open", "open"]);
    expect((await page("unresolved=false")).items.map((i) => i.status)).toEqual(["confirmed"]);
    expect((await page(`unresolved=true&projectId=${ids.guangsha}`)).total).toBe(3);
    expect((await t.as("wg")({ url: "/api/utility-tickets?unresolved=maybe" })).statusCode).toBe(400);
  });
});

describe("PATCH /api/utility-tickets/:id", () => {
  it("the responsible department moves it to resolved; another department cannot; reopening needs the reason", async () => {
    const ticket = await recorded();
    const coordinator = await coordinatorOf(ticket.responsibleDepartment!.id);
    const other = coordinator === "coord-zhujian" ? "coord-dawa" : "coord-zhujian";
    const before = await snapshot(t.db.prisma);
    expect((await move(other, ticket.id, { status: "in_progress", version: 1 })).statusCode).toBe(403);
    expect((await move("leader", ticket.id, { status: "in_progress", version: 1 })).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);

    expect((await move(coordinator, ticket.id, { status: "in_progress", version: 1 })).json()).toMatchObject({
      status: "in_progress",
      version: 2,
    });
    const resolved = (await move(coordinator, ticket.id, { status: "resolved", version: 2 })).json();
    expect(resolved).toMatchObject({ status: "resolved", resolvedAt: "2026-11-25T02:00:00.000Z", overdue: false });
    expect(detailPaths(await move(coordinator, ticket.id, { status: "open", version: 3 }))).toEqual(["body.note"]);
    expect(detailPaths(await move(coordinator, ticket.id, { status: "in_progress", version: 3 }))).toEqual([
      "body.status",
    ]);
    const reopened = (await move("admin", ticket.id, { status: "open", note: "住户反映仍不热", version: 3 })).json();
    expect(reopened).toMatchObject({ status: "open", resolvedAt: null, version: 4 });
    const steps = (await t.as("leader")({ url: `/api/utility-tickets/${ticket.id}/events` })).json();
    expect(steps.map((s: { from: string | null; to: string }) => `${s.from}→${s.to}`)).toEqual([
      "null→open",
      "open→in_progress",
      "in_progress→resolved",
      "resolved→open",
    ]);
    const stale = await move(coordinator, ticket.id, { status: "in_progress", version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ status: "open", version: 4 });
  });

  it("two moves on the same version: one wins, the other is 409 with the ticket as the winner left it", async () => {
    const ticket = await recorded();
    const [a, b] = await raceOnLockedRow(t.db.url, "utility_tickets", ticket.id, 2, () =>
      Promise.all([
        move("admin", ticket.id, { status: "in_progress", version: 1 }),
        move("wg", ticket.id, { status: "resolved", version: 1 }),
      ]),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await t.db.prisma.ticketEvent.count({ where: { ticketId: ticket.id } })).toBe(2);
  });
});

describe("the standards (how long each kind may take)", () => {
  it("the office shortens heating to 12 hours: new tickets follow, recorded ones keep their deadline", async () => {
    const earlier = await recorded();
    const standards = (await t.as("leader")({ url: "/api/utility-standards" })).json();
    const heat = standards.find((s: { kind: string }) => s.kind === "heating");
    expect(heat).toMatchObject({ inSeasonHours: 24, offSeasonHours: 168 });
    const patch = { kind: "heating", inSeasonHours: 12, offSeasonHours: 168, version: heat.version };
    expect(
      (await t.as("coord-shuangtaizi")({ method: "PATCH", url: "/api/utility-standards", payload: patch })).statusCode,
    ).toBe(403);
    const saved = await t.as("admin")({ method: "PATCH", url: "/api/utility-standards", payload: patch });
    expect(saved.json()).toMatchObject({ inSeasonHours: 12, version: heat.version + 1 });
    // The same values again change nothing: no version, no audit row.
    const audits = await t.db.prisma.auditEvent.count();
    const again = await t.as("admin")({
      method: "PATCH",
      url: "/api/utility-standards",
      payload: { ...patch, version: heat.version + 1 },
    });
    expect(again.json().version).toBe(heat.version + 1);
    expect(await t.db.prisma.auditEvent.count()).toBe(audits);
    expect((await recorded()).deadlineAt).toBe("2026-11-25T13:00:00.000Z");
    const kept = UtilityTicketPageSchema.parse(
      (await t.as("leader")({ url: "/api/utility-tickets?pageSize=100" })).json(),
    );
    expect(kept.items.find((i) => i.id === earlier.id)!.deadlineAt).toBe("2026-11-26T01:00:00.000Z");
    expect(
      detailPaths(
        await t.as("admin")({
          method: "PATCH",
          url: "/api/utility-standards",
          payload: { ...patch, inSeasonHours: 0 },
        }),
      ),
    ).toEqual(["body.inSeasonHours"]);
  });
});
