import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, pageOf, UserSchema } from "@resettle/domain";
import { SECRET_PATTERN, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  await t.as("admin")({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

const NEW_PASSWORD = "Shuangtaizi-2026";
const admin = () => t.as("admin");
const signIn = (username: string, password = DEMO_PASSWORD) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
const me = (cookie: string) => t.app.inject({ url: "/api/auth/me", headers: { cookie } });
const auditOf = (requestId: string) => t.db.prisma.auditEvent.findMany({ where: { clientRequestId: requestId } });

describe("GET /api/users", () => {
  it("pages and filters accounts, never with a password or its hash", async () => {
    const res = await admin()({ url: "/api/users?role=coordinator&pageSize=5&sort=username" });
    expect(res.statusCode).toBe(200);
    const page = pageOf(UserSchema).strict().parse(res.json());
    expect(page).toMatchObject({ total: 12, page: 1, pageSize: 5 });
    expect(page.items.map((u) => u.username)).toEqual([
      "coord-caizheng",
      "coord-dawa",
      "coord-fagai",
      "coord-fayuan",
      "coord-gongan",
    ]);
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(Object.keys(UserSchema.shape).sort());
    const all = await admin()({ url: "/api/users?pageSize=100" });
    expect(all.json().total).toBe(15);
    expect(all.body).not.toMatch(/(?<!mustChange)password|\$argon2/i);
    const search = await admin()({ url: `/api/users?q=ZHUJIAN&departmentId=${ids.zhujian}` });
    expect(search.json().items.map((u: { username: string }) => u.username)).toEqual(["coord-zhujian"]);
  });
});

describe("POST /api/users", () => {
  const body = () => ({
    username: "zhang.stz",
    password: NEW_PASSWORD,
    displayName: "张主任",
    role: "coordinator",
    departmentId: ids.shuangtaizi,
    personId: ids.zhang,
  });

  it("creates an account that can sign in; audited without the password", async () => {
    const res = await admin()({
      method: "POST",
      url: "/api/users",
      payload: body(),
      headers: { "x-request-id": "create-user-1" },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      username: "zhang.stz",
      displayName: "张主任",
      role: "coordinator",
      departmentId: ids.shuangtaizi,
      personId: ids.zhang,
      active: true,
      mustChangePassword: true,
      lastLoginAt: null,
      version: 1,
    });
    const login = await signIn("zhang.stz", NEW_PASSWORD);
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ id: created.id, role: "coordinator", departmentId: ids.shuangtaizi });
    const [event] = await auditOf("create-user-1");
    expect(event).toMatchObject({ action: "create", entityType: "user", entityId: created.id, actorId: ids.admin });
    expect(event!.after).toEqual(created);
    expect(JSON.stringify([event!.before, event!.after])).not.toMatch(SECRET_PATTERN);
    expect(JSON.stringify(event!.after)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a taken username, a coordinator without a department and a person of another department (400)", async () => {
    const before = await snapshot(t.db.prisma);
    const cases: [Record<string, unknown>, string][] = [
      [{ username: "admin" }, "body.username"],
      [{ departmentId: null }, "body.departmentId"],
      [{ personId: ids.li }, "body.personId"],
      [{ password: "Short12" }, "body.password"],
      [{ password: DEMO_PASSWORD }, "body.password"],
      [{ username: "9lives" }, "body.username"],
    ];
    for (const [change, path] of cases) {
      const res = await admin()({ method: "POST", url: "/api/users", payload: { ...body(), ...change } });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("lets a working-group member exist without a department", async () => {
    const res = await admin()({
      method: "POST",
      url: "/api/users",
      payload: { ...body(), role: "working_group", departmentId: null, personId: null },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: "working_group", departmentId: null });
  });
});

describe("PATCH /api/users/:id", () => {
  const current = async (id: string) =>
    UserSchema.parse(
      (await admin()({ url: "/api/users?pageSize=100" })).json().items.find((u: { id: string }) => u.id === id),
    );

  it("deactivating an account ends its sessions at once and it cannot sign in", async () => {
    const session = await t.login("coord-fayuan");
    expect((await me(session.cookie)).json().user).not.toBeNull();
    const res = await admin()({
      method: "PATCH",
      url: `/api/users/${ids.coordFayuan}`,
      payload: { active: false, version: 1 },
      headers: { "x-request-id": "deactivate-0001" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.coordFayuan, active: false, version: 2 });
    expect((await me(session.cookie)).json().user).toBeNull();
    expect(await t.db.prisma.session.count({ where: { userId: ids.coordFayuan } })).toBe(0);
    const login = await signIn("coord-fayuan");
    expect(login.statusCode).toBe(401);
    expect(login.json().error.message).toBe("Wrong username or password");
    const [event] = await auditOf("deactivate-0001");
    expect(event).toMatchObject({
      action: "deactivate",
      entityType: "user",
      entityId: ids.coordFayuan,
      before: { active: true, version: 1 },
      after: { active: false, version: 2 },
    });
    // Reactivated, it signs in again.
    const back = await admin()({
      method: "PATCH",
      url: `/api/users/${ids.coordFayuan}`,
      payload: { active: true, version: 2 },
    });
    expect(back.statusCode).toBe(200);
    expect((await signIn("coord-fayuan")).statusCode).toBe(200);
  });

  it("ends the sessions of an account whose role or department changes, not of one renamed", async () => {
    const session = await t.login("coord-fayuan");
    const renamed = await admin()({
      method: "PATCH",
      url: `/api/users/${ids.coordFayuan}`,
      payload: { displayName: "法院联络员", version: 1 },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await me(session.cookie)).json().user.displayName).toBe("法院联络员");
    const moved = await admin()({
      method: "PATCH",
      url: `/api/users/${ids.coordFayuan}`,
      payload: { departmentId: ids.zhujian, personId: ids.zhou, version: 2 },
    });
    expect(moved.statusCode).toBe(200);
    expect((await me(session.cookie)).json().user).toBeNull();
  });

  it("a change to nothing (a form saved twice) writes nothing: same version, no audit row, sessions kept", async () => {
    const session = await t.login("leader");
    const leader = await current(ids.leader);
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/users/${ids.leader}`,
      headers: { "x-request-id": "same-user-001" },
      payload: {
        displayName: leader.displayName,
        role: leader.role,
        departmentId: leader.departmentId,
        active: true,
        version: 1,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(leader);
    expect(await auditOf("same-user-001")).toEqual([]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect((await me(session.cookie)).json().user).not.toBeNull();
  });

  it("answers 409 with the record as it is now on a stale version, and changes nothing", async () => {
    await admin()({ method: "PATCH", url: `/api/users/${ids.leader}`, payload: { displayName: "市长", version: 1 } });
    const now = await current(ids.leader);
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/users/${ids.leader}`,
      payload: { displayName: "副市长", version: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "CONFLICT", current: now });
    expect(res.json().error.current).toMatchObject({ displayName: "市长", version: 2 });
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses a coordinator without a department and a linked person of another department (400)", async () => {
    const before = await snapshot(t.db.prisma);
    const cases: [string, Record<string, unknown>, string][] = [
      // wg has no department: making it a coordinator needs one.
      [ids.wg, { role: "coordinator", version: 1 }, "body.departmentId"],
      [ids.coordZhujian, { departmentId: null, version: 1 }, "body.departmentId"],
      // 住建's coordinator linked to 双台子's person; or moved to 法院 while linked to a 住建 person.
      [ids.coordZhujian, { personId: ids.zhang, version: 1 }, "body.personId"],
      [ids.coordZhujian, { departmentId: ids.fayuan, version: 1 }, "body.personId"],
    ];
    for (const [id, payload, path] of cases) {
      const res = await admin()({ method: "PATCH", url: `/api/users/${id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("keeps administrators from deactivating or demoting themselves", async () => {
    for (const [payload, path] of [
      [{ active: false, version: 1 }, "body.active"],
      [{ role: "leader", version: 1 }, "body.role"],
    ] as const) {
      const res = await admin()({ method: "PATCH", url: `/api/users/${ids.admin}`, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        { path, reason: "self_demotion", message: "Administrators cannot deactivate or demote themselves" },
      ]);
    }
  });

  it("answers 404 for an unknown account", async () => {
    const res = await admin()({
      method: "PATCH",
      url: "/api/users/00000000-0000-4000-8000-000000000000",
      payload: { displayName: "x", version: 1 },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("POST /api/users/:id/password", () => {
  it("sets a new password: the account's sessions end, the new password works, the old does not", async () => {
    const session = await t.login("coord-fayuan");
    const res = await admin()({
      method: "POST",
      url: `/api/users/${ids.coordFayuan}/password`,
      payload: { password: NEW_PASSWORD },
      headers: { "x-request-id": "reset-pw-0001" },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect((await me(session.cookie)).json().user).toBeNull();
    expect((await signIn("coord-fayuan")).statusCode).toBe(401);
    expect((await signIn("coord-fayuan", NEW_PASSWORD)).statusCode).toBe(200);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: ids.coordFayuan } });
    expect(user).toMatchObject({ demoPassword: false, version: 2 });
    const events = await auditOf("reset-pw-0001");
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId, e.before, e.after])).toEqual([
      ["reset_password", "user", ids.coordFayuan, ids.admin, null, { mustChangePassword: true }],
    ]);
  });

  it("refuses a weak password (400) and an unknown account (404), changing nothing", async () => {
    const before = await snapshot(t.db.prisma);
    const weak = await admin()({
      method: "POST",
      url: `/api/users/${ids.coordFayuan}/password`,
      payload: { password: "abc" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe("body.password");
    const unknown = await admin()({
      method: "POST",
      url: "/api/users/00000000-0000-4000-8000-000000000000/password",
      payload: { password: NEW_PASSWORD },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});
