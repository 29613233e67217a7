import type { InjectOptions } from "fastify";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { AuditEventSchema, DEMO_PASSWORD, pageOf } from "@resettle/domain";
import { SECRET_PATTERN, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const AuditPage = pageOf(AuditEventSchema.strict());
const NEW_PASSWORD = "Audit-trail-2026";

type Write = {
  name: string;
  as: string | null;
  request: (ids: SeededIds) => InjectOptions;
  expected: (ids: SeededIds) => { action: string; entityType: string; entityId: string | "created"; actor: string };
};

/** Every kind of write this issue brings, with the audit record it must leave. */
const WRITES: Write[] = [
  {
    name: "login",
    as: null,
    request: () => ({ method: "POST", url: "/api/auth/login", payload: { username: "wg", password: DEMO_PASSWORD } }),
    expected: (i) => ({ action: "login", entityType: "session", entityId: i.wg, actor: i.wg }),
  },
  {
    name: "logout",
    as: "leader",
    request: () => ({ method: "POST", url: "/api/auth/logout" }),
    expected: (i) => ({ action: "logout", entityType: "session", entityId: i.leader, actor: i.leader }),
  },
  {
    name: "password change",
    as: "coord-zhujian",
    request: () => ({
      method: "PUT",
      url: "/api/auth/password",
      payload: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
    }),
    expected: (i) => ({
      action: "change_password",
      entityType: "user",
      entityId: i.coordZhujian,
      actor: i.coordZhujian,
    }),
  },
  {
    name: "password reset",
    as: "admin",
    request: (i) => ({
      method: "POST",
      url: `/api/users/${i.coordFayuan}/password`,
      payload: { password: NEW_PASSWORD },
    }),
    expected: (i) => ({ action: "reset_password", entityType: "user", entityId: i.coordFayuan, actor: i.admin }),
  },
  {
    name: "user create",
    as: "admin",
    request: () => ({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "auditee",
        password: NEW_PASSWORD,
        displayName: "审计",
        role: "leader",
        departmentId: null,
        personId: null,
      },
    }),
    expected: (i) => ({ action: "create", entityType: "user", entityId: "created", actor: i.admin }),
  },
  {
    name: "user update",
    as: "admin",
    request: (i) => ({ method: "PATCH", url: `/api/users/${i.leader}`, payload: { displayName: "市长", version: 1 } }),
    expected: (i) => ({ action: "update", entityType: "user", entityId: i.leader, actor: i.admin }),
  },
  {
    name: "department create",
    as: "admin",
    request: () => ({
      method: "POST",
      url: "/api/departments",
      payload: { code: "audit", name: "审计局", shortName: "审计", kind: "municipal_department", districtId: null },
    }),
    expected: (i) => ({ action: "create", entityType: "department", entityId: "created", actor: i.admin }),
  },
  {
    name: "department update",
    as: "admin",
    request: (i) => ({
      method: "PATCH",
      url: `/api/departments/${i.fayuan}`,
      payload: { shortName: "中院", version: 1 },
    }),
    expected: (i) => ({ action: "update", entityType: "department", entityId: i.fayuan, actor: i.admin }),
  },
  {
    name: "person create",
    as: "admin",
    request: (i) => ({
      method: "POST",
      url: "/api/persons",
      payload: { name: "钱科长", title: null, departmentId: i.fayuan, phone: null },
    }),
    expected: (i) => ({ action: "create", entityType: "person", entityId: "created", actor: i.admin }),
  },
  {
    name: "person update",
    as: "admin",
    request: (i) => ({ method: "PATCH", url: `/api/persons/${i.jiang}`, payload: { title: "庭长", version: 1 } }),
    expected: (i) => ({ action: "update", entityType: "person", entityId: i.jiang, actor: i.admin }),
  },
  {
    name: "project assignment",
    as: "admin",
    request: (i) => ({
      method: "PUT",
      url: `/api/projects/${i.xiangyang}/responsibility`,
      payload: { departmentId: i.zhujian, personId: i.li, reason: "审计测试", version: 1 },
    }),
    expected: (i) => ({
      action: "assign_responsibility",
      entityType: "project",
      entityId: i.xiangyang,
      actor: i.admin,
    }),
  },
  {
    name: "milestone assignment",
    as: "admin",
    request: (i) => ({
      method: "PUT",
      url: `/api/milestones/${i.milestone}/responsibility`,
      payload: { departmentId: i.zhujian, personId: i.li, reason: "审计测试", version: 1 },
    }),
    expected: (i) => ({
      action: "assign_responsibility",
      entityType: "milestone",
      entityId: i.milestone,
      actor: i.admin,
    }),
  },
];

const send = (write: Write, requestId: string) => {
  const request = { ...write.request(ids), headers: { "x-request-id": requestId } };
  return write.as ? t.as(write.as)(request) : t.app.inject(request);
};
const signInAll = async () => {
  for (const username of new Set(WRITES.map((w) => w.as).filter((u): u is string => !!u)))
    await t.as(username)({ url: "/api/auth/me" });
};

describe("the audit trail records every write", () => {
  // That the change and its event commit together (a failing audit insert rolls the change
  // back) is proven for every write route by audit-rollback.test.ts.
  it.each(WRITES.map((w) => [w.name, w] as const))(
    "%s: one event {at, actor, action, entity, before, after, requestId}, without secrets",
    async (_name, write) => {
      await signInAll();
      const requestId = `audit-${write.name.replaceAll(" ", "-")}`;
      const res = await send(write, requestId);
      expect(res.statusCode, res.body).toBeLessThan(300);
      // The client's id is kept beside the server's own, never taken as it.
      const serverId = res.headers["x-request-id"];
      expect(serverId).toMatch(/^[0-9a-f-]{36}$/);
      const events = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: requestId } });
      expect(events).toHaveLength(1);
      const event = events[0]!;
      const expected = write.expected(ids);
      expect(event).toMatchObject({
        action: expected.action,
        entityType: expected.entityType,
        entityId: expected.entityId === "created" ? res.json().id : expected.entityId,
        actorId: expected.actor,
        requestId: serverId,
        clientRequestId: requestId,
      });
      expect(event.actorName).toBe(
        (await t.db.prisma.user.findUniqueOrThrow({ where: { id: expected.actor } })).displayName,
      );
      expect(Math.abs(event.at.getTime() - Date.now())).toBeLessThan(60_000);
      const recorded = JSON.stringify([event.before, event.after]);
      expect(recorded).not.toMatch(SECRET_PATTERN);
      expect(recorded).not.toContain(NEW_PASSWORD);
      expect(recorded).not.toContain(DEMO_PASSWORD);
    },
  );
});

describe("the audit trail is append-only in the database itself", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on audit_events", async () => {
    await t.login("admin");
    const count = await t.db.prisma.auditEvent.count();
    expect(count).toBeGreaterThan(0);
    for (const sql of [
      `UPDATE audit_events SET "actorName" = 'someone else'`,
      `UPDATE audit_events SET "before" = NULL WHERE id = (SELECT min(id) FROM audit_events)`,
      `DELETE FROM audit_events`,
      `DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`,
      `TRUNCATE audit_events`,
    ])
      await expect(t.db.prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/append-only/);
    expect(await t.db.prisma.auditEvent.count()).toBe(count);
    expect((await t.db.prisma.auditEvent.findFirstOrThrow()).actorName).not.toBe("someone else");
  });
});

describe("GET /api/audit-events", () => {
  const list = async (query: string, as = "admin") => {
    const res = await t.as(as)({ url: `/api/audit-events${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return AuditPage.parse(res.json());
  };

  it("filters by entity and actor, newest first, paged; leaders read it too", async () => {
    await t.as("admin")({
      method: "PATCH",
      url: `/api/persons/${ids.jiang}`,
      payload: { title: "庭长", version: 1 },
    });
    await t.as("admin")({
      method: "PATCH",
      url: `/api/persons/${ids.jiang}`,
      payload: { title: "副庭长", version: 2 },
      headers: { "x-request-id": "second-change" },
    });
    await t.as("admin")({ method: "PATCH", url: `/api/persons/${ids.zhao}`, payload: { title: "科长", version: 1 } });

    const page = await list(`?entityType=person&entityId=${ids.jiang}`, "leader");
    expect(page.total).toBe(2);
    expect(page.items.map((e) => [e.action, e.before, e.after])).toEqual([
      ["update", { title: "庭长", version: 2 }, { title: "副庭长", version: 3 }],
      ["update", { title: "执行局庭长", version: 1 }, { title: "庭长", version: 2 }],
    ]);
    expect(page.items[0]).toMatchObject({
      actorId: ids.admin,
      actorName: "系统管理员（演示）",
      entityType: "person",
      entityId: ids.jiang,
      clientRequestId: "second-change",
    });

    const byAdmin = await list(`?actorId=${ids.admin}&pageSize=2`);
    // admin: a login and three changes.
    expect(byAdmin).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(byAdmin.items.map((e) => e.entityId)).toEqual([ids.zhao, ids.jiang]);
    const second = await list(`?actorId=${ids.admin}&pageSize=2&page=2`);
    expect(second.items.map((e) => e.action)).toEqual(["update", "login"]);
    expect(Number(byAdmin.items[0]!.id)).toBeGreaterThan(Number(second.items[1]!.id));

    const sessions = await list(`?entityType=session`);
    expect(sessions.items.map((e) => [e.action, e.actorId]).sort()).toEqual(
      [
        ["login", ids.admin],
        ["login", ids.leader],
      ].sort(),
    );
  });

  it("takes from/to as China-time calendar days, both included", async () => {
    // 2026-11-24 23:59:59.999 and 2026-11-25 00:00 in China; 2026-11-25 23:59:59.999 and 2026-11-26 00:00.
    const instants = [
      "2026-11-24T15:59:59.999Z",
      "2026-11-24T16:00:00.000Z",
      "2026-11-25T15:59:59.999Z",
      "2026-11-25T16:00:00.000Z",
    ];
    await t.db.prisma.auditEvent.createMany({
      data: instants.map((at, i) => ({
        at: new Date(at),
        actorName: "system",
        action: `probe-${i}`,
        entityType: "plan",
        entityId: "day-probe",
      })),
    });
    const probe = async (query: string) =>
      (await list(`?entityType=plan&entityId=day-probe${query}`, "leader")).items.map((e) => e.action);
    expect(await probe("&from=2026-11-25&to=2026-11-25")).toEqual(["probe-2", "probe-1"]);
    expect(await probe("&from=2026-11-25")).toEqual(["probe-3", "probe-2", "probe-1"]);
    expect(await probe("&to=2026-11-24")).toEqual(["probe-0"]);
    expect(await probe("&from=2026-11-26&to=2026-11-26")).toEqual(["probe-3"]);
    expect(await probe("&from=2026-11-27")).toEqual([]);
  });

  it("gives the whole trail's total from its kept count, the same as counting the rows", async () => {
    const total = async () => {
      const res = await t.as("admin")({ url: "/api/audit-events?pageSize=1" });
      expect(res.statusCode).toBe(200);
      return AuditPage.parse(res.json()).total;
    };
    const counted = async () => t.db.prisma.auditEvent.count();
    expect(await total()).toBe(await counted());
    // Writes through the API, then many rows in one statement and rows from concurrent sessions.
    await t.as("coord-zhujian")({ url: "/api/my-work" });
    await t.db.prisma.$executeRawUnsafe(`
      INSERT INTO audit_events ("actorName", action, "entityType", "entityId")
      SELECT '测试', 'update', 'project', g::text FROM generate_series(1, 250) g`);
    // Concurrent sessions, forced onto one slot: three connections whose slot (backend pid % 16) is
    // the same each insert two rows in a transaction while the slot's row is held, so all three
    // queue on it and then add in turn, each to what the one before left.
    const clients: pg.Client[] = [];
    try {
      const bySlot = new Map<number, pg.Client[]>();
      let same: pg.Client[] | undefined;
      while (!same) {
        const client = new pg.Client({ connectionString: t.db.url });
        clients.push(client);
        await client.connect();
        const slot = (client as unknown as { processID: number }).processID % 16;
        bySlot.set(slot, [...(bySlot.get(slot) ?? []), client]);
        if (bySlot.get(slot)!.length === 3) same = bySlot.get(slot);
      }
      const insert = `INSERT INTO audit_events ("actorName", action, "entityType", "entityId") VALUES ('测试', 'update', 'project', 'x')`;
      await same[0]!.query(insert); // the slot's row exists
      const slot = (same[0] as unknown as { processID: number }).processID % 16;
      await raceOnLockedRow(
        t.db.url,
        "audit_event_counts",
        slot,
        3,
        () =>
          Promise.all(
            same.map(async (client) => {
              await client.query("BEGIN");
              await client.query(insert);
              await client.query(insert);
              await client.query("COMMIT");
            }),
          ),
        "slot",
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    // A rolled-back insert counts nowhere.
    await t.db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO audit_events ("actorName", action, "entityType", "entityId") VALUES ('测试', 'update', 'project', 'x')`,
        );
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await counted()).toBeGreaterThan(257);
    expect(await total()).toBe(await counted());
  });

  it("refuses malformed filters with 400", async () => {
    for (const query of ["?from=25.11.2026", "?entityType=secret", "?actorId=admin", "?page=0", "?pageSize=101"]) {
      const res = await t.as("admin")({ url: `/api/audit-events${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("lists the accounts that appear in the trail, for the actor filter", async () => {
    await t.login("wg");
    const res = await t.as("leader")({ url: "/api/audit-events/actors" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: ids.leader, name: "市领导（演示） (leader)" },
      { id: ids.wg, name: "工作组成员（演示） (wg)" },
    ]);
  });
});
