import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@resettle/domain";
import { buildApp } from "../../app.js";
import type { Clock } from "../../lib/clock.js";
import { sessionIdOf } from "../../plugins/auth.js";
import { SECRET_PATTERN, snapshot } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock the test moves by hand. */
function movableClock(start = "2026-11-25T02:00:00Z") {
  let now = new Date(start).getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advanceMinutes: (m: number) => (now += m * 60_000) };
}

async function testApp(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  cleanups.push(t.close);
  return t;
}

type T = Awaited<ReturnType<typeof testApp>>;
const login = (t: T, username: string, password: string, extra: { remoteAddress?: string; cookie?: string } = {}) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
    ...(extra.cookie ? { headers: { cookie: extra.cookie } } : {}),
  });
const me = (t: T, cookie: string) => t.app.inject({ url: "/api/auth/me", headers: { cookie } });
const sessionCookie = (res: Awaited<ReturnType<T["app"]["inject"]>>) => {
  const c = res.cookies.find((x) => x.name === "resettle_session");
  if (!c) throw new Error("no session cookie");
  return c;
};

describe("POST /api/auth/login", () => {
  it("answers the user and a CSRF token, sets an HttpOnly SameSite=Strict cookie, and never returns a secret", async () => {
    const t = await testApp();
    const zhujian = await t.db.prisma.department.findUniqueOrThrow({ where: { code: "zhujian" } });
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: "coord-zhujian" } });
    const res = await login(t, "  Coord-Zhujian ", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: user.id,
        username: "coord-zhujian",
        displayName: user.displayName,
        role: "coordinator",
        departmentId: zhujian.id,
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(res.body).not.toMatch(/password|\$argon2/i);
    expect(res.body).not.toContain(user.passwordHash);
    expect(res.body).not.toContain(DEMO_PASSWORD);
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie.secure).toBeUndefined();
    // The server keeps only a hash of the cookie's token, and the session belongs to the user.
    const row = await t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(cookie.value) } });
    expect(row).toMatchObject({ userId: user.id, csrfToken: res.json().csrfToken });
    expect(await t.db.prisma.session.count({ where: { id: cookie.value } })).toBe(0);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toEqual(
      new Date("2026-11-25T02:00:00Z"),
    );
  });

  it("marks the cookie Secure over https", async () => {
    const t = await testApp();
    const app = await buildApp({ prisma: t.db.prisma, trustProxy: true });
    cleanups.push(() => app.close());
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { username: "admin", password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toMatchObject({ secure: true, httpOnly: true, sameSite: "Strict" });
  });

  it("answers 401 with the same error for an unknown user, a wrong password and a deactivated account", async () => {
    const t = await testApp();
    await t.db.prisma.user.update({ where: { username: "coord-fayuan" }, data: { active: false } });
    const before = await snapshot(t.db.prisma);
    const answers = await Promise.all([
      login(t, "nobody", DEMO_PASSWORD),
      login(t, "admin", "Panjin#2019"),
      login(t, "coord-fayuan", DEMO_PASSWORD),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toEqual([]);
      const { requestId: _r, ...error } = res.json().error;
      expect(error).toEqual({ code: "UNAUTHORIZED", message: "Wrong username or password" });
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("answers 400 for a malformed body", async () => {
    const t = await testApp();
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "admin" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: "body.password" })]);
  });

  it("throttles an account after 5 failures in 15 minutes: 429 with Retry-After, even for the right password", async () => {
    const { clock, advanceMinutes } = movableClock();
    const t = await testApp({ clock });
    for (let i = 0; i < 5; i++) {
      expect((await login(t, "leader", `wrong-${i}`)).statusCode).toBe(401);
      advanceMinutes(1);
    }
    // 5 minutes after the first failure: it leaves the window in 10 minutes.
    const refused = await login(t, "leader", DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(String(10 * 60));
    expect(refused.json().error.code).toBe("RATE_LIMITED");
    expect(refused.cookies).toEqual([]);
    // Other accounts from the same address are not affected.
    expect((await login(t, "wg", DEMO_PASSWORD)).statusCode).toBe(200);
    // Once the oldest failure is 15 minutes old, one more attempt is allowed; a success clears the count.
    advanceMinutes(9);
    const later = await login(t, "leader", DEMO_PASSWORD);
    expect(later.statusCode).toBe(429);
    expect(later.headers["retry-after"]).toBe("60");
    advanceMinutes(1);
    expect((await login(t, "leader", DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await login(t, "leader", "wrong-again")).statusCode).toBe(401);
    expect((await login(t, "leader", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("throttles an address after 30 failures in 15 minutes, whatever the usernames", async () => {
    const t = await testApp();
    const from = { remoteAddress: "203.0.113.7" };
    for (let i = 0; i < 30; i++) expect((await login(t, `guess-${i}`, "x", from)).statusCode).toBe(401);
    const refused = await login(t, "admin", DEMO_PASSWORD, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("900");
    // The same account from another address signs in.
    expect((await login(t, "admin", DEMO_PASSWORD, { remoteAddress: "198.51.100.1" })).statusCode).toBe(200);
  });

  it("gives a new session id at every login and ends the session the request came with", async () => {
    const t = await testApp();
    const first = sessionCookie(await login(t, "wg", DEMO_PASSWORD));
    const oldCookie = `resettle_session=${first.value}`;
    const second = await login(t, "wg", DEMO_PASSWORD, { cookie: oldCookie });
    expect(second.statusCode).toBe(200);
    const fresh = sessionCookie(second);
    expect(fresh.value).not.toBe(first.value);
    expect((await me(t, oldCookie)).statusCode).toBe(401);
    expect((await me(t, `resettle_session=${fresh.value}`)).statusCode).toBe(200);
    expect(await t.db.prisma.session.count({ where: { user: { username: "wg" } } })).toBe(1);
  });
});

describe("GET /api/auth/me", () => {
  it("answers the signed-in user in the login's shape, or 401", async () => {
    const t = await testApp();
    const session = await t.login("leader");
    const res = await me(t, session.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: session.user, csrfToken: session.csrfToken });
    for (const cookie of [undefined, "resettle_session=made-up", "resettle_session="]) {
      const anon = await t.app.inject({ url: "/api/auth/me", headers: cookie ? { cookie } : {} });
      expect(anon.statusCode).toBe(401);
      expect(anon.json().error.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("POST /api/auth/logout", () => {
  it("ends the session on the server: the old cookie then gets 401", async () => {
    const t = await testApp();
    const session = await t.login("leader");
    const other = await t.login("leader");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(sessionCookie(res).value).toBe("");
    expect((await me(t, session.cookie)).statusCode).toBe(401);
    expect(await t.db.prisma.session.count({ where: { id: sessionIdOf(session.cookie.split("=")[1]!) } })).toBe(0);
    // Only that session: the user's other session goes on.
    expect((await me(t, other.cookie)).statusCode).toBe(200);
  });

  it("needs the CSRF token: without it the session stays", async () => {
    const t = await testApp();
    const session = await t.login("leader");
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect((await me(t, session.cookie)).statusCode).toBe(200);
  });
});

describe("session lifetime", () => {
  it("ends a session unused for the idle timeout", async () => {
    const { clock, advanceMinutes } = movableClock();
    const t = await testApp({ clock, sessions: { idleMinutes: 30, maxHours: 8 } });
    const session = await t.login("wg");
    // Used every 29 minutes, it lives on past the idle limit.
    for (let i = 0; i < 3; i++) {
      advanceMinutes(29);
      expect((await me(t, session.cookie)).statusCode).toBe(200);
    }
    advanceMinutes(30);
    const res = await me(t, session.cookie);
    expect(res.statusCode).toBe(401);
    expect(sessionCookie(res).value).toBe("");
    expect(await t.db.prisma.session.count({ where: { user: { username: "wg" } } })).toBe(0);
    // Going back in time does not revive it.
    advanceMinutes(-30);
    expect((await me(t, session.cookie)).statusCode).toBe(401);
  });

  it("ends a session at its absolute lifetime, however busy", async () => {
    const { clock, advanceMinutes } = movableClock();
    const t = await testApp({ clock, sessions: { idleMinutes: 30, maxHours: 2 } });
    const session = await t.login("wg");
    for (let minutes = 20; minutes < 120; minutes += 20) {
      advanceMinutes(20);
      expect((await me(t, session.cookie)).statusCode, `after ${minutes} min`).toBe(200);
    }
    advanceMinutes(19);
    expect((await me(t, session.cookie)).statusCode).toBe(200);
    advanceMinutes(1);
    expect((await me(t, session.cookie)).statusCode).toBe(401);
  });
});

describe("PUT /api/auth/password", () => {
  const NEW = "Liaohe-river-2026";

  it("changes one's own password; other sessions end, this one stays; audited without secrets", async () => {
    const t = await testApp();
    const session = await t.login("coord-zhujian");
    const other = await t.login("coord-zhujian");
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/auth/password",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "x-request-id": "pw-change-0001" },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: NEW },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(t, session.cookie)).statusCode).toBe(200);
    expect((await me(t, other.cookie)).statusCode).toBe(401);
    expect((await login(t, "coord-zhujian", DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(t, "coord-zhujian", NEW)).statusCode).toBe(200);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: "coord-zhujian" } });
    expect(user).toMatchObject({ demoPassword: false, version: 2 });
    const events = await t.db.prisma.auditEvent.findMany({ where: { requestId: "pw-change-0001" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "change_password",
      entityType: "user",
      entityId: user.id,
      actorId: user.id,
      before: null,
      after: null,
    });
  });

  it("refuses a wrong current password with 400 on body.currentPassword, and changes nothing", async () => {
    const t = await testApp();
    const session = await t.login("coord-zhujian");
    const other = await t.login("coord-zhujian");
    const before = await snapshot(t.db.prisma);
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/auth/password",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
      payload: { currentPassword: "Panjin#2019", newPassword: NEW },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ path: "body.currentPassword", reason: "wrong_password", message: "The current password is wrong" }],
    });
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect((await me(t, other.cookie)).statusCode).toBe(200);
  });

  it("throttles guessing the current password from a session: 429 with Retry-After after 5 wrong ones", async () => {
    const t = await testApp();
    const session = await t.login("coord-zhujian");
    const change = (currentPassword: string) =>
      t.app.inject({
        method: "PUT",
        url: "/api/auth/password",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
        payload: { currentPassword, newPassword: NEW },
      });
    for (let i = 0; i < 5; i++) expect((await change(`wrong-${i}`)).statusCode).toBe(400);
    const refused = await change(DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.json().error.code).toBe("RATE_LIMITED");
    // Even the right password waits: nothing changed.
    expect((await login(t, "coord-zhujian", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses weak passwords and the published demo password", async () => {
    const t = await testApp();
    for (const newPassword of ["short1", "onlyletterslong", "1234567890123", DEMO_PASSWORD]) {
      const res = await t.as("wg")({
        method: "PUT",
        url: "/api/auth/password",
        payload: { currentPassword: DEMO_PASSWORD, newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(["body.newPassword"]);
    }
  });

  it("needs the session's CSRF token: missing or another session's → 403, password unchanged", async () => {
    const t = await testApp();
    const session = await t.login("wg");
    const other = await t.login("wg");
    const before = await snapshot(t.db.prisma);
    for (const headers of [{}, { "x-csrf-token": other.csrfToken }, { "x-csrf-token": `${session.csrfToken}x` }]) {
      const res = await t.app.inject({
        method: "PUT",
        url: "/api/auth/password",
        headers: { cookie: session.cookie, ...headers },
        payload: { currentPassword: DEMO_PASSWORD, newPassword: NEW },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("the audit trail of signing in and out", () => {
  it("records login and logout with the request id of the answer and no secrets", async () => {
    const t = await testApp();
    const res = await login(t, "leader", DEMO_PASSWORD);
    const session = { cookie: `resettle_session=${sessionCookie(res).value}`, csrfToken: res.json().csrfToken };
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    });
    const leader = await t.db.prisma.user.findUniqueOrThrow({ where: { username: "leader" } });
    const events = await t.db.prisma.auditEvent.findMany({ where: { actorId: leader.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.requestId, e.actorName])).toEqual([
      ["login", "session", leader.id, res.headers["x-request-id"], "市领导（演示）"],
      ["logout", "session", leader.id, out.headers["x-request-id"], "市领导（演示）"],
    ]);
    expect(events[0]!.after).toEqual({ ip: "127.0.0.1" });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toMatch(SECRET_PATTERN);
    // Failed sign-ins are throttled, not audited.
    await login(t, "leader", "wrong");
    expect(await t.db.prisma.auditEvent.count({ where: { actorId: leader.id } })).toBe(2);
  });
});
