import type { InjectOptions } from "fastify";
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
  return {
    clock,
    advanceMinutes: (m: number) => (now += m * 60_000),
    advanceSeconds: (sec: number) => (now += sec * 1000),
  };
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
        mustChangePassword: false,
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(res.body).not.toMatch(/"password|\$argon2/i);
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
    const { auditEvents, ...before } = await snapshot(t.db.prisma);
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
    const { auditEvents: after, ...rest } = await snapshot(t.db.prisma);
    expect(rest).toEqual(before);
    // Only the audit trail grew: one failed sign-in each.
    expect(after).toBe(auditEvents + 3);
  });

  it("answers 400 for a malformed body", async () => {
    const t = await testApp();
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "admin" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: "body.password" })]);
  });

  it("throttles a (username, address) pair with growing delays; the account from elsewhere is never locked out", async () => {
    const { clock, advanceSeconds } = movableClock();
    const t = await testApp({ clock });
    const attacker = { remoteAddress: "203.0.113.7" };
    const office = { remoteAddress: "198.51.100.1" };
    // Three failures are free; each one after them makes the pair wait 1 s, 2 s, 4 s …
    for (let i = 0; i < 3; i++) expect((await login(t, "leader", `wrong-${i}`, attacker)).statusCode).toBe(401);
    const waits: string[] = [];
    for (let i = 0; i < 4; i++) {
      expect((await login(t, "leader", `wrong-x${i}`, attacker)).statusCode).toBe(401);
      const refused = await login(t, "leader", DEMO_PASSWORD, attacker);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringMatching(/try again in \d+ s/),
      });
      expect(refused.cookies).toEqual([]);
      waits.push(refused.headers["retry-after"] as string);
      // The city leader, from the office, signs in meanwhile — and stays signed in.
      expect((await login(t, "leader", DEMO_PASSWORD, office)).statusCode).toBe(200);
      advanceSeconds(Number(refused.headers["retry-after"]));
    }
    expect(waits).toEqual(["1", "2", "4", "8"]);
    // The delay is capped.
    for (let i = 0; i < 12; i++) {
      await login(t, "leader", `wrong-y${i}`, attacker);
      advanceSeconds(600);
    }
    await login(t, "leader", "wrong-z", attacker);
    expect((await login(t, "leader", DEMO_PASSWORD, attacker)).headers["retry-after"]).toBe("300");
    // After the wait, the right password from that address signs in and clears the pair's count.
    advanceSeconds(300);
    expect((await login(t, "leader", DEMO_PASSWORD, attacker)).statusCode).toBe(200);
    expect(await t.db.prisma.loginThrottle.findUnique({ where: { key: "pair:leader|203.0.113.7" } })).toBeNull();
  });

  it("throttles an address trying many usernames, whatever the usernames; other addresses are not affected", async () => {
    const t = await testApp();
    const from = { remoteAddress: "203.0.113.7" };
    for (let i = 0; i < 20; i++) expect((await login(t, `guess-${i}`, "x", from)).statusCode).toBe(401);
    // The 21st failure makes the address wait.
    expect((await login(t, "guess-20", "x", from)).statusCode).toBe(401);
    const refused = await login(t, "admin", DEMO_PASSWORD, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("1");
    // The refused attempt was not counted against the pair (admin, that address).
    expect(await t.db.prisma.loginThrottle.findUnique({ where: { key: "pair:admin|203.0.113.7" } })).toMatchObject({
      failures: 0,
    });
    // The same account from another address signs in.
    expect((await login(t, "admin", DEMO_PASSWORD, { remoteAddress: "198.51.100.1" })).statusCode).toBe(200);
  });

  it("judges at most the free attempts of simultaneous guesses: each attempt is reserved before the password check", async () => {
    const { clock } = movableClock();
    let judged = 0;
    let answered = 0;
    let release: () => void = () => {};
    const allIn = new Promise<void>((resolve) => (release = resolve));
    const t = await testApp({
      clock,
      // Holds every attempt that gets to the password check until each of the 12 has either
      // got there or been answered: all are in flight at once, whatever the order.
      signInHooks: {
        beforePasswordCheck: async () => {
          judged += 1;
          if (judged + answered >= 12) release();
          await allIn;
        },
      },
    });
    const guesses = [...Array.from({ length: 11 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD];
    const answers = await Promise.all(
      guesses.map((password) =>
        login(t, "leader", password).then((res) => {
          answered += 1;
          if (judged + answered >= 12) release();
          return res;
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    // Three free attempts and the one that starts the wait: the other eight are refused unjudged.
    expect(judged).toBe(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "login_failed" } })).toBe(
      statuses.filter((s) => s === 401).length,
    );
  });

  it("gives a new session id at every login and ends the session the request came with", async () => {
    const t = await testApp();
    const first = sessionCookie(await login(t, "wg", DEMO_PASSWORD));
    const oldCookie = `resettle_session=${first.value}`;
    const second = await login(t, "wg", DEMO_PASSWORD, { cookie: oldCookie });
    expect(second.statusCode).toBe(200);
    const fresh = sessionCookie(second);
    expect(fresh.value).not.toBe(first.value);
    expect((await me(t, oldCookie)).json().user).toBeNull();
    expect((await me(t, `resettle_session=${fresh.value}`)).json().user).not.toBeNull();
    expect(await t.db.prisma.session.count({ where: { user: { username: "wg" } } })).toBe(1);
  });
});

describe("GET /api/auth/me", () => {
  it("answers the signed-in user in the login's shape, or 200 with no user and no CSRF token when signed out", async () => {
    const t = await testApp();
    const session = await t.login("leader");
    const res = await me(t, session.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: session.user, csrfToken: session.csrfToken });
    for (const cookie of [undefined, "resettle_session=made-up", "resettle_session="]) {
      const anon = await t.app.inject({ url: "/api/auth/me", headers: cookie ? { cookie } : {} });
      expect(anon.statusCode).toBe(200);
      expect(anon.json()).toEqual({ user: null, csrfToken: null });
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
    expect((await me(t, session.cookie)).json().user).toBeNull();
    expect(await t.db.prisma.session.count({ where: { id: sessionIdOf(session.cookie.split("=")[1]!) } })).toBe(0);
    // Only that session: the user's other session goes on.
    expect((await me(t, other.cookie)).json().user).not.toBeNull();
  });

  it("needs the CSRF token: without it the session stays", async () => {
    const t = await testApp();
    const session = await t.login("leader");
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect((await me(t, session.cookie)).json().user).not.toBeNull();
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
      expect((await me(t, session.cookie)).json().user).not.toBeNull();
    }
    advanceMinutes(30);
    const res = await me(t, session.cookie);
    expect(res.json().user).toBeNull();
    expect(sessionCookie(res).value).toBe("");
    expect(await t.db.prisma.session.count({ where: { user: { username: "wg" } } })).toBe(0);
    // Going back in time does not revive it.
    advanceMinutes(-30);
    expect((await me(t, session.cookie)).json().user).toBeNull();
  });

  it("ends a session at its absolute lifetime, however busy", async () => {
    const { clock, advanceMinutes } = movableClock();
    const t = await testApp({ clock, sessions: { idleMinutes: 30, maxHours: 2 } });
    const session = await t.login("wg");
    for (let minutes = 20; minutes < 120; minutes += 20) {
      advanceMinutes(20);
      expect((await me(t, session.cookie)).json().user, `after ${minutes} min`).not.toBeNull();
    }
    advanceMinutes(19);
    expect((await me(t, session.cookie)).json().user).not.toBeNull();
    advanceMinutes(1);
    expect((await me(t, session.cookie)).json().user).toBeNull();
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
    expect((await me(t, session.cookie)).json().user).not.toBeNull();
    expect((await me(t, other.cookie)).json().user).toBeNull();
    expect((await login(t, "coord-zhujian", DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(t, "coord-zhujian", NEW)).statusCode).toBe(200);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: "coord-zhujian" } });
    expect(user).toMatchObject({ demoPassword: false, version: 2 });
    // The client's request id is kept beside the server's own.
    const events = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: "pw-change-0001" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.requestId).toBe(res.headers["x-request-id"]);
    expect(events[0]!.requestId).not.toBe("pw-change-0001");
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
    expect((await me(t, other.cookie)).json().user).not.toBeNull();
  });

  it("throttles guessing the current password from a session: 429 with Retry-After after the free ones", async () => {
    const t = await testApp();
    const session = await t.login("coord-zhujian");
    const change = (currentPassword: string) =>
      t.app.inject({
        method: "PUT",
        url: "/api/auth/password",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
        payload: { currentPassword, newPassword: NEW },
      });
    for (let i = 0; i < 4; i++) expect((await change(`wrong-${i}`)).statusCode).toBe(400);
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
  });

  it("records failed sign-ins and throttling: which username, from which address, when; never the password", async () => {
    const t = await testApp();
    const from = { remoteAddress: "203.0.113.9" };
    for (let i = 0; i < 4; i++) await login(t, "leader", `Secret-guess-${i}`, from);
    await login(t, "nobody-here", "Secret-guess-x", from);
    const refused = await login(t, "leader", "Secret-guess-y", from);
    expect(refused.statusCode).toBe(429);
    const events = await t.db.prisma.auditEvent.findMany({
      where: { action: { in: ["login_failed", "login_throttled"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId, e.actorName, e.entityType, e.entityId])).toEqual([
      ...Array.from({ length: 4 }, () => ["login_failed", null, "leader", "session", "leader"]),
      ["login_throttled", null, "leader", "session", "leader"],
      ["login_failed", null, "nobody-here", "session", "nobody-here"],
    ]);
    expect(events[0]!.after).toMatchObject({ username: "leader", ip: "203.0.113.9", reason: "wrong_password" });
    expect(events[4]!.after).toMatchObject({ username: "leader", ip: "203.0.113.9", scope: "pair", waitSeconds: 1 });
    expect(events[5]!.after).toMatchObject({ reason: "unknown_user" });
    expect(JSON.stringify(events.map(({ id: _id, ...e }) => e))).not.toContain("Secret-guess");
    // A refused attempt adds nothing: the audit grows only with judged attempts.
    await login(t, "leader", "Secret-guess-z", from);
    expect(await t.db.prisma.auditEvent.count({ where: { action: { in: ["login_failed", "login_throttled"] } } })).toBe(
      6,
    );
  });

  it("stores the server's own request id, and the client's beside it only when it is a sane short token", async () => {
    const t = await testApp();
    const send = (requestId: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "x-request-id": requestId },
        payload: { username: "wg", password: DEMO_PASSWORD },
      });
    const sane = await send("client-abc-123");
    const odd = await send("x".repeat(65));
    const evil = await send("<script>1</script>");
    for (const res of [sane, odd, evil]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
    const rows = await t.db.prisma.auditEvent.findMany({
      where: { action: "login" },
      orderBy: { id: "asc" },
      select: { requestId: true, clientRequestId: true },
    });
    expect(rows).toEqual([
      { requestId: sane.headers["x-request-id"], clientRequestId: "client-abc-123" },
      { requestId: odd.headers["x-request-id"], clientRequestId: null },
      { requestId: evil.headers["x-request-id"], clientRequestId: null },
    ]);
  });
});

describe("a password an administrator chose", () => {
  const NEW = "Liaohe-river-2026";

  it("must be changed at first sign-in: every other route answers 403 PASSWORD_CHANGE_REQUIRED until then", async () => {
    const t = await testApp();
    const zhujian = await t.db.prisma.department.findUniqueOrThrow({ where: { code: "zhujian" } });
    const created = await t.as("admin")({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "new-coord",
        displayName: "新联络员",
        role: "coordinator",
        departmentId: zhujian.id,
        personId: null,
        password: "Chosen-by-admin-1",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
    const session = await t.login("new-coord", "Chosen-by-admin-1");
    expect(session.user.mustChangePassword).toBe(true);
    const asNew = (request: InjectOptions) =>
      t.app.inject({ ...request, headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken } });
    for (const url of ["/api/projects", "/api/my-work", "/api/dashboard"]) {
      const res = await asNew({ url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe("PASSWORD_CHANGE_REQUIRED");
    }
    // Who am I still answers (the web reads the flag there), as do changing the password and signing out.
    expect((await me(t, session.cookie)).json()).toMatchObject({ user: { mustChangePassword: true } });
    const changed = await asNew({
      method: "PUT",
      url: "/api/auth/password",
      payload: { currentPassword: "Chosen-by-admin-1", newPassword: NEW },
    });
    expect(changed.statusCode).toBe(204);
    expect((await asNew({ url: "/api/projects" })).statusCode).toBe(200);
    expect((await me(t, session.cookie)).json().user.mustChangePassword).toBe(false);
    // An administrator's reset sets it again.
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: "new-coord" } });
    const reset = await t.as("admin")({
      method: "POST",
      url: `/api/users/${user.id}/password`,
      payload: { password: "Chosen-again-22" },
    });
    expect(reset.statusCode).toBe(204);
    const again = await t.login("new-coord", "Chosen-again-22");
    expect(again.user.mustChangePassword).toBe(true);
    const blocked = await t.app.inject({
      url: "/api/projects",
      headers: { cookie: again.cookie },
    });
    expect(blocked.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: again.cookie, "x-csrf-token": again.csrfToken },
    });
    expect(out.statusCode).toBe(204);
  });

  it("is not asked of the seeded demo accounts", async () => {
    const t = await testApp();
    for (const username of ["admin", "leader", "wg", "coord-zhujian"]) {
      const session = await t.login(username);
      expect(session.user.mustChangePassword, username).toBe(false);
    }
    expect((await t.as("leader")({ url: "/api/projects" })).statusCode).toBe(200);
  });
});
