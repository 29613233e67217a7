import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CauseSchema, type Cause } from "@resettle/domain";
import { z } from "zod";
import { snapshot } from "../../test/fixtures.js";
import { raceOnHeldInsert } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
  for (const user of ["admin", "wg", "leader", "coord-zhujian"]) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const Causes = z.array(CauseSchema.strict());
/** Everything a write could touch, the taxonomy and its links included. */
const everything = async () => ({
  ...(await snapshot(t.db.prisma)),
  causes: await t.db.prisma.cause.findMany({ orderBy: { id: "asc" } }),
  projectCauses: await t.db.prisma.projectCause.findMany({ orderBy: [{ projectId: "asc" }, { causeId: "asc" }] }),
});
const list = async (user = "leader") => {
  const res = await t.as(user)({ url: "/api/causes" });
  expect(res.statusCode).toBe(200);
  return Causes.parse(res.json());
};
const causeByCode = async (code: string): Promise<Cause> => (await list()).find((c) => c.code === code)!;
const post = (user: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: "/api/causes", payload });
const patch = (user: string, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "PATCH", url: `/api/causes/${id}`, payload });
const auditOf = (entityId: string) =>
  t.db.prisma.auditEvent.findMany({ where: { entityType: "cause", entityId }, orderBy: { at: "asc" } });
const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  res.json().error.details?.map((d) => d.path);

describe("GET /api/causes", () => {
  it("lists the whole taxonomy by sort order then name, to every signed-in role, retired causes included", async () => {
    const causes = await list();
    expect(causes.map((c) => [c.code, c.name, c.sortOrder, c.active])).toEqual([
      ["funding_gap", "资金缺口", 10, true],
      ["developer_default", "开发企业违约或破产", 20, true],
      ["construction_halted", "工程停工", 30, true],
      ["missing_procedures", "手续不全", 40, true],
      ["land_title", "土地或产权问题", 50, true],
      ["acceptance_failed", "消防或竣工验收未通过", 60, true],
      ["litigation", "诉讼或司法查封", 70, true],
      ["household_disputes", "住户纠纷", 80, true],
      ["other", "其他", 90, true],
    ]);
    for (const user of ["admin", "wg", "coord-zhujian"]) expect(await list(user)).toEqual(causes);
    expect((await t.app.inject({ url: "/api/causes" })).statusCode).toBe(401);

    // Same sort order: by name; a retired cause stays listed.
    const litigation = causes.find((c) => c.code === "litigation")!;
    expect((await patch("admin", litigation.id, { sortOrder: 10, active: false, version: 1 })).statusCode).toBe(200);
    const after = await list();
    expect(after.slice(0, 2).map((c) => [c.name, c.active])).toEqual([
      ["诉讼或司法查封", false],
      ["资金缺口", true],
    ]);
    expect(after).toHaveLength(9);
  });
});

describe("POST /api/causes", () => {
  it("adds a cause (administrators), audited, listed in its place", async () => {
    const res = await t.as("admin")({
      method: "POST",
      url: "/api/causes",
      payload: { code: "  relocation_funds ", name: " 安置补偿资金未到位 ", sortOrder: 15 },
      headers: { "x-request-id": "cause-create-01" },
    });
    expect(res.statusCode).toBe(201);
    const created = CauseSchema.strict().parse(res.json());
    expect(created).toMatchObject({
      code: "relocation_funds",
      name: "安置补偿资金未到位",
      sortOrder: 15,
      active: true,
    });
    expect(created.version).toBe(1);
    expect((await list()).map((c) => c.code).slice(0, 3)).toEqual([
      "funding_gap",
      "relocation_funds",
      "developer_default",
    ]);
    const events = await auditOf(created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "create",
      clientRequestId: "cause-create-01",
      before: null,
      after: created,
    });

    // sortOrder defaults to 0: first in the list.
    const first = await post("admin", { code: "urgent", name: "紧急" });
    expect(first.statusCode).toBe(201);
    expect((await list())[0]).toMatchObject({ code: "urgent", sortOrder: 0 });
  });

  it("refuses invalid fields one by one (400 with the path), a code already taken included, and changes nothing", async () => {
    const before = await everything();
    const cases: [Record<string, unknown>, string][] = [
      [{ code: "Funding", name: "大写" }, "body.code"],
      [{ code: "1abc", name: "数字开头" }, "body.code"],
      [{ code: "with-dash", name: "连字符" }, "body.code"],
      [{ code: "", name: "空" }, "body.code"],
      [{ code: "x".repeat(41), name: "过长" }, "body.code"],
      [{ name: "无代码" }, "body.code"],
      [{ code: "ok_code", name: "  " }, "body.name"],
      [{ code: "ok_code", name: "名".repeat(51) }, "body.name"],
      [{ code: "ok_code" }, "body.name"],
      [{ code: "ok_code", name: "排序", sortOrder: -1 }, "body.sortOrder"],
      [{ code: "ok_code", name: "排序", sortOrder: 1.5 }, "body.sortOrder"],
      [{ code: "ok_code", name: "排序", sortOrder: 10000 }, "body.sortOrder"],
      [{ code: "funding_gap", name: "重复的代码" }, "body.code"],
    ];
    for (const [payload, path] of cases) {
      const res = await post("admin", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect([...new Set(paths(res))], JSON.stringify(payload)).toEqual([path]);
    }
    const taken = await post("admin", { code: "funding_gap", name: "重复的代码" });
    expect(taken.json().error.details).toEqual([
      { path: "body.code", reason: "taken", message: "The code 'funding_gap' is taken" },
    ]);
    expect(await everything()).toEqual(before);
  });

  it("two administrators adding the same code at once: one cause, the other gets 400 on body.code", async () => {
    // Forced: both look for the code and find none, then both insert; only the unique index decides.
    const held = { sql: `INSERT INTO causes (code, name) VALUES ($1, '占位')`, values: ["same_code"] };
    const answers = await raceOnHeldInsert(t.db.url, held, 2, () =>
      Promise.all([post("admin", { code: "same_code", name: "甲" }), post("admin", { code: "same_code", name: "乙" })]),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(paths(answers.find((r) => r.statusCode === 400)!)).toEqual(["body.code"]);
    expect(await t.db.prisma.cause.count({ where: { code: "same_code" } })).toBe(1);
  });

  it("is the office's alone: 403 for the working group, coordinators and leaders, 401 anonymous; nothing changes", async () => {
    const before = await everything();
    for (const user of ["wg", "coord-zhujian", "leader"]) {
      const res = await post(user, { code: "not_mine", name: "无权" });
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/causes",
      payload: { code: "anon", name: "匿名" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await everything()).toEqual(before);
  });
});

describe("PATCH /api/causes/:id", () => {
  it("renames, reorders, retires and reinstates a cause; each change audited with only what changed", async () => {
    const cause = await causeByCode("household_disputes");
    const renamed = await patch("admin", cause.id, { name: "住户矛盾纠纷", sortOrder: 5, version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(CauseSchema.strict().parse(renamed.json())).toEqual({
      ...cause,
      name: "住户矛盾纠纷",
      sortOrder: 5,
      version: 2,
    });
    const retired = await patch("admin", cause.id, { active: false, version: 2 });
    expect(retired.json()).toMatchObject({ active: false, version: 3 });
    expect(await causeByCode("household_disputes")).toEqual(retired.json());
    const reinstated = await patch("admin", cause.id, { active: true, version: 3 });
    expect(reinstated.json()).toMatchObject({ active: true, version: 4 });

    const events = await auditOf(cause.id);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["update", { name: "住户纠纷", sortOrder: 80, version: 1 }, { name: "住户矛盾纠纷", sortOrder: 5, version: 2 }],
      ["update", { active: true, version: 2 }, { active: false, version: 3 }],
      ["update", { active: false, version: 3 }, { active: true, version: 4 }],
    ]);
    expect(events.every((e) => e.actorName && e.actorId)).toBe(true);
  });

  it("a change to nothing (a form saved twice) writes nothing: same version, no audit row", async () => {
    const cause = await causeByCode("other");
    const res = await patch("admin", cause.id, { name: "其他", active: true, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(cause);
    expect(await auditOf(cause.id)).toEqual([]);
  });

  it("a retired cause stays on the projects that have it", async () => {
    const cause = await causeByCode("land_title"); // 宏伟小区 has it
    expect((await patch("admin", cause.id, { active: false, version: 1 })).statusCode).toBe(200);
    const hongwei = await t.db.prisma.project.findUniqueOrThrow({ where: { code: "hongwei" } });
    const detail = await t.as("leader")({ url: `/api/projects/${hongwei.id}` });
    expect(detail.json().causes.map((c: { name: string }) => c.name)).toContain("土地或产权问题");
  });

  it("a stale version is 409 with the cause as it is now; nothing changes", async () => {
    const cause = await causeByCode("other");
    const first = await patch("admin", cause.id, { name: "其他原因", version: 1 });
    expect(first.statusCode).toBe(200);
    const before = await everything();
    const stale = await patch("admin", cause.id, { active: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "CONFLICT", current: first.json() });
    expect(await everything()).toEqual(before);
  });

  it("refuses invalid fields (400 with the path), an unknown id (404), other roles (403); nothing changes", async () => {
    const cause = await causeByCode("other");
    const before = await everything();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "", version: 1 }, "body.name"],
      [{ name: "名".repeat(51), version: 1 }, "body.name"],
      [{ sortOrder: -5, version: 1 }, "body.sortOrder"],
      [{ active: "no", version: 1 }, "body.active"],
      [{ name: "无版本" }, "body.version"],
      [{ name: "版本", version: 0 }, "body.version"],
    ];
    for (const [payload, path] of cases) {
      const res = await patch("admin", cause.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect([...new Set(paths(res))], JSON.stringify(payload)).toEqual([path]);
    }
    const unknown = await patch("admin", "00000000-0000-4000-8000-000000000000", { name: "无", version: 1 });
    expect(unknown.statusCode).toBe(404);
    expect((await patch("admin", "not-a-uuid", { name: "无", version: 1 })).statusCode).toBe(400);
    for (const user of ["wg", "coord-zhujian", "leader"])
      expect((await patch(user, cause.id, { active: false, version: 1 })).statusCode, user).toBe(403);
    expect(await everything()).toEqual(before);
  });
});
