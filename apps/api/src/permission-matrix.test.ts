import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { eachTestApp, type TestApp } from "./test/test-app.js";
import { snapshot, type SeededIds } from "./test/fixtures.js";
import { multipartFile, TINY_PNG } from "./test/evidence.js";
import { ACCOUNT, MATRIX, NEW_PASSWORD, ROLES, type Role, type Row } from "./test/route-matrix.js";

/**
 * THE PERMISSION MATRIX (`MATRIX`, in test/route-matrix.ts): every /api route × every role,
 * with the status each must get. docs/permissions.md is the same table in words. A route
 * registered in the app but not listed there fails the first test: a new route must say who
 * may call it, there too.
 *
 * Bodies are valid and ids real (from the seeded database), so that the administrator's
 * 2xx proves the request itself is fine and the others' 401/403 is about permission only.
 */

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Sends the row's request as the role (signed in beforehand, so that signing in is not part of what changed). */
async function send(row: Row, role: Role) {
  const request = row.request(ids, role);
  return role === "anonymous" ? t.app.inject(request) : t.as(ACCOUNT[role])(request);
}

describe("the permission matrix", () => {
  it("covers every /api route the app registers, and no route it does not", async () => {
    await t.app.ready();
    const registered = t.app.apiRoutes.map(keyOf).sort();
    const listed = MATRIX.map((r) => r.route).sort();
    expect(new Set(listed).size).toBe(listed.length);
    // A failure here: a route was added (or removed) without its row in MATRIX and docs/permissions.md.
    expect(listed).toEqual(registered);
  });

  it("declares for every route the access rule the matrix expects (public routes need no session)", async () => {
    await t.app.ready();
    for (const route of t.app.apiRoutes) {
      const row = MATRIX.find((r) => r.route === keyOf(route));
      if (!row) throw new Error(`${keyOf(route)} has no row in MATRIX`);
      expect(Object.keys(row.expect).sort(), keyOf(route)).toEqual([...ROLES].sort());
      expect(row.expect.anonymous === 401, keyOf(route)).toBe(route.access !== "public");
    }
  });

  it.each(MATRIX.map((row) => [row.route, row] as const))(
    "%s answers each role as the table says; a refused request changes nothing",
    async (_route, row) => {
      for (const role of ["admin", "coordinator", "working_group", "leader"] as const)
        await t.as(ACCOUNT[role])({ url: "/api/auth/me" }); // sign in first
      const answers: Record<string, number> = {};
      // The administrator last: its success must not be what the others are compared with.
      for (const role of ["anonymous", "coordinator", "working_group", "leader", "admin"] as const) {
        const before = await snapshot(t.db.prisma);
        const res = await send(row, role);
        answers[role] = res.statusCode;
        if (res.statusCode === 401 || res.statusCode === 403) {
          expect(res.json().error.code, `${row.route} as ${role}`).toBe(
            res.statusCode === 401 ? "UNAUTHORIZED" : "FORBIDDEN",
          );
          expect(await snapshot(t.db.prisma), `${row.route} as ${role} changed something`).toEqual(before);
        }
      }
      expect(answers).toEqual(row.expect);
    },
  );
});

describe("the coordinator's own department", () => {
  it("coord-zhujian may move 住建's milestones and items, the same routes that answer it 403 on 向阳小区's", async () => {
    const coordinator = t.as("coord-zhujian");
    const attempts: [InjectOptions, number][] = [
      [
        {
          method: "POST",
          url: `/api/milestones/${ids.work.xuefuyuanPermit}/completion`,
          payload: { completedOn: "2026-11-20", note: "矩阵测试", version: 1 },
        },
        200,
      ],
      [
        {
          method: "PATCH",
          url: `/api/items/${ids.work.xuefuyuanPermitItem}`,
          payload: { status: "planned", version: 1 },
        },
        200,
      ],
      [
        {
          method: "POST",
          url: `/api/items/${ids.work.xuefuyuanPermitItem}/evidence`,
          ...multipartFile("矩阵测试.png", TINY_PNG),
        },
        201,
      ],
      // 补办规划、施工许可手续 is 住建's but done: refused for the move (400), not for who asks.
      [
        {
          method: "PATCH",
          url: `/api/milestones/${ids.work.xiangyangPermits}`,
          payload: { status: "in_progress", version: 1 },
        },
        400,
      ],
    ];
    for (const [request, status] of attempts)
      expect((await coordinator(request)).statusCode, `${request.method} ${request.url}`).toBe(status);
  });

  it("coord-shuangtaizi reports households moved back for 向阳小区 (its district, its responsibility)", async () => {
    const res = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/projects/${ids.xiangyang}/progress-reports`,
      payload: { reportedOn: "2026-11-20", households: 8, note: "矩阵测试" },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe("HEAD requests", () => {
  it("HEAD of every GET route that needs a session answers like the GET, per role", async () => {
    for (const row of MATRIX.filter((r) => r.route.startsWith("GET ") && r.expect.anonymous === 401)) {
      for (const role of ROLES) {
        const res = await send({ ...row, request: (i, r) => ({ ...row.request(i, r), method: "HEAD" }) }, role);
        expect(res.statusCode, `HEAD ${row.route} as ${role}`).toBe(row.expect[role]);
        expect(res.body).toBe("");
      }
    }
  });
});

describe("refusals change nothing", () => {
  it("a coordinator who guesses another department's ids gets 403, and nothing changes", async () => {
    const coordinator = t.as("coord-zhujian");
    await coordinator({ url: "/api/auth/me" });
    const before = await snapshot(t.db.prisma);
    const attempts: InjectOptions[] = [
      // 向阳小区 belongs to 双台子区政府: take it over, or hand it to a 住建 person.
      {
        method: "PUT",
        url: `/api/projects/${ids.xiangyang}/responsibility`,
        payload: { departmentId: ids.shuangtaizi, personId: ids.zhang, reason: "猜的", version: 1 },
      },
      {
        method: "PUT",
        url: `/api/milestones/${ids.milestone}/responsibility`,
        payload: { departmentId: ids.zhujian, personId: ids.li, reason: "猜的", version: 1 },
      },
      { method: "PATCH", url: `/api/persons/${ids.zhang}`, payload: { active: false, version: 1 } },
      { method: "PATCH", url: `/api/persons/${ids.jiang}`, payload: { departmentId: ids.zhujian, version: 1 } },
      { method: "PATCH", url: `/api/departments/${ids.shuangtaizi}`, payload: { name: "被改了", version: 1 } },
      { method: "PATCH", url: `/api/users/${ids.coordFayuan}`, payload: { active: false, version: 1 } },
      { method: "POST", url: `/api/users/${ids.coordFayuan}/password`, payload: { password: NEW_PASSWORD } },
      // The ledger of 向阳小区 (双台子区政府's): statuses, plans and households moved back.
      { method: "PATCH", url: `/api/milestones/${ids.milestone}`, payload: { status: "in_progress", version: 1 } },
      {
        method: "PATCH",
        url: `/api/milestones/${ids.work.xiangyangMoveBack}`,
        payload: { status: "planned", version: 1 },
      },
      { method: "PATCH", url: `/api/items/${ids.work.hongweiSubsidyItem}`, payload: { status: "planned", version: 1 } },
      {
        method: "POST",
        url: `/api/milestones/${ids.work.xiangyangMoveBack}/completion`,
        payload: { completedOn: "2026-11-20", note: "猜的", version: 1 },
      },
      {
        method: "POST",
        url: `/api/items/${ids.work.hongweiSubsidyItem}/evidence`,
        ...multipartFile("猜的.png", TINY_PNG),
      },
      {
        method: "POST",
        url: `/api/items/${ids.work.hongweiSubsidyItem}/verification`,
        payload: { decision: "verify", version: 1 },
      },
      {
        method: "PATCH",
        url: "/api/verification-rules",
        payload: { kind: "review_item", requiresVerification: false, version: 1 },
      },
      {
        method: "PATCH",
        url: `/api/milestones/${ids.work.xuefuyuanPermit}`,
        payload: { title: "自己改计划", version: 1 },
      },
      {
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/progress-reports`,
        payload: { reportedOn: "2026-11-20", households: 288, note: "猜的" },
      },
      {
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/milestones`,
        payload: {
          kind: "handover",
          title: "猜的",
          dueDate: "2026-12-31",
          responsibleDepartmentId: ids.zhujian,
          responsiblePersonId: null,
        },
      },
      // Its own account: promoting itself is refused too.
      { method: "PATCH", url: `/api/users/${ids.coordZhujian}`, payload: { role: "admin", version: 1 } },
    ];
    for (const attempt of attempts) {
      const res = await coordinator(attempt);
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("the coordinator of the responsible department (双台子区政府, 向阳小区) cannot reassign it either", async () => {
    const coordinator = t.as("coord-shuangtaizi");
    await coordinator({ url: "/api/auth/me" });
    const before = await snapshot(t.db.prisma);
    const res = await coordinator({
      method: "PUT",
      url: `/api/projects/${ids.xiangyang}/responsibility`,
      payload: { departmentId: ids.shuangtaizi, personId: null, reason: "自己改", version: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it.each(MATRIX.filter((r) => !/^(GET|HEAD) /.test(r.route) && r.expect.anonymous === 401).map((r) => [r.route, r]))(
    "%s refuses the administrator without a matching X-CSRF-Token (403), and nothing changes",
    async (_route, row) => {
      const admin = await t.login("admin");
      const other = await t.login("leader");
      const request = row.request(ids, "admin");
      for (const token of [undefined, "wrong-token", other.csrfToken, ""]) {
        const before = await snapshot(t.db.prisma);
        const res = await t.app.inject({
          ...request,
          headers: {
            ...request.headers,
            cookie: admin.cookie,
            ...(token === undefined ? {} : { "x-csrf-token": token }),
          },
        });
        expect(res.statusCode, `token ${String(token)}`).toBe(403);
        expect(res.json().error).toMatchObject({ code: "FORBIDDEN", message: "Missing or wrong X-CSRF-Token header" });
        expect(await snapshot(t.db.prisma)).toEqual(before);
      }
      // The same request with the session's token goes through: the token was the only thing missing.
      const ok = await t.app.inject({
        ...request,
        headers: { ...request.headers, cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      });
      expect(ok.statusCode).toBe(row.expect.admin);
    },
  );
});
