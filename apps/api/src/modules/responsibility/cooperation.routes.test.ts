import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CooperatorsSchema, ErrorResponseSchema, MyWorkSchema, WorkNoteSchema } from "@resettle/domain";
import { multipartFile, TINY_PNG } from "../../test/evidence.js";
import { seededIds, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

// 牵头/配合 (issue 12): the office names the departments cooperating on a record; they see it in
// My work under 配合, add progress notes and evidence; only the lead moves its status.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-shuangtaizi", "coord-dawa"])
    await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

/** 学府园二期 施工许可证办理: 住建 leads it. */
const milestone = () => ids.work.xuefuyuanPermit;
const put = (user: string, path: string, departmentIds: string[]) =>
  t.as(user)({ method: "PUT", url: `/api/${path}/cooperators`, payload: { departmentIds } });
const note = (user: string, text: string, key?: string) =>
  t.as(user)({
    method: "POST",
    url: `/api/milestones/${milestone()}/notes`,
    payload: { text },
    ...(key ? { headers: { "idempotency-key": key } } : {}),
  });

describe("PUT …/cooperators", () => {
  it("sets the whole set on a project, a milestone or an item, audited when it changes", async () => {
    for (const path of [
      `projects/${ids.xuefuyuan}`,
      `milestones/${milestone()}`,
      `items/${ids.work.hongweiFundingItem}`,
    ]) {
      // Two departments that do not lead it.
      const { lead } = CooperatorsSchema.parse((await t.as("admin")({ url: `/api/${path}/cooperators` })).json());
      const two = [ids.shuangtaizi, ids.fayuan, ids.zhujian].filter((d) => d !== lead?.id).slice(0, 2);
      const res = await put("admin", path, two);
      expect(res.statusCode, `${path} ${res.body}`).toBe(200);
      const set = CooperatorsSchema.parse(res.json());
      expect(set.cooperating.map((d) => d.id).sort()).toEqual([...two].sort());
      expect((await t.as("leader")({ url: `/api/${path}/cooperators` })).json()).toEqual(set);
    }
    const read = CooperatorsSchema.parse(
      (await t.as("coord-dawa")({ url: `/api/milestones/${milestone()}/cooperators` })).json(),
    );
    expect(read.lead).toEqual({ id: ids.zhujian, name: "市住建局" });
    const audited = await t.db.prisma.auditEvent.findMany({
      where: { action: "set_cooperators", entityId: milestone() },
    });
    expect(audited).toHaveLength(1);
    expect(audited[0]!.after).toEqual({ cooperating: expect.arrayContaining([expect.any(String)]) });

    // The same set again writes nothing; a smaller one replaces it; an empty one clears it.
    expect((await put("admin", `milestones/${milestone()}`, [ids.fayuan, ids.shuangtaizi])).statusCode).toBe(200);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "set_cooperators", entityId: milestone() } })).toBe(1);
    const fewer = await put("admin", `milestones/${milestone()}`, [ids.fayuan]);
    expect(fewer.json().cooperating.map((d: { id: string }) => d.id)).toEqual([ids.fayuan]);
    expect((await put("admin", `milestones/${milestone()}`, [])).json().cooperating).toEqual([]);
  });

  it("refuses the lead itself, an unknown department, one twice, and anyone but the office; nothing changes", async () => {
    const bad: [string[], string, string][] = [
      [[ids.fayuan, ids.zhujian], "body.departmentIds.1", "cooperator_is_lead"],
      [["00000000-0000-4000-8000-000000000000"], "body.departmentIds.0", "unknown_reference"],
      [[ids.fayuan, ids.fayuan], "body.departmentIds", "custom"],
    ];
    for (const [departmentIds, path, reason] of bad) {
      const res = await put("admin", `milestones/${milestone()}`, departmentIds);
      expect(res.statusCode, path).toBe(400);
      expect(ErrorResponseSchema.parse(res.json()).error.details?.[0]).toMatchObject({ path, reason });
    }
    for (const user of ["coord-zhujian", "wg", "leader"])
      expect((await put(user, `milestones/${milestone()}`, [ids.fayuan])).statusCode, user).toBe(403);
    expect(await t.db.prisma.cooperation.count()).toBe(0);
    expect((await put("admin", `milestones/00000000-0000-4000-8000-000000000000`, [])).statusCode).toBe(404);
  });

  it("a cooperating department made the lead is the lead only: not listed as cooperating, nor under 配合", async () => {
    await put("admin", `milestones/${milestone()}`, [ids.shuangtaizi, ids.fayuan]);
    // 责任调整 through the API: the cooperation row goes in the assignment's transaction.
    const version = (await t.db.prisma.milestone.findUniqueOrThrow({ where: { id: milestone() } })).version;
    const assigned = await t.as("admin")({
      method: "PUT",
      url: `/api/milestones/${milestone()}/responsibility`,
      payload: { departmentId: ids.shuangtaizi, personId: null, reason: "改由双台子区政府牵头", version },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const read = CooperatorsSchema.parse(
      (await t.as("leader")({ url: `/api/milestones/${milestone()}/cooperators` })).json(),
    );
    expect(read).toEqual({
      lead: { id: ids.shuangtaizi, name: "双台子区政府" },
      cooperating: [{ id: ids.fayuan, name: "市法院" }],
    });
    const work = MyWorkSchema.parse((await t.as("coord-shuangtaizi")({ url: "/api/my-work" })).json());
    expect(work.entries.map((e) => e.id)).toContain(milestone());
    expect(work.cooperating.map((e) => e.id)).not.toContain(milestone());
    // The row itself is gone (not filtered out on read), kept with its span for the scorecards, and audited.
    expect(
      await t.db.prisma.cooperation.count({ where: { milestoneId: milestone(), departmentId: ids.shuangtaizi } }),
    ).toBe(0);
    expect(
      await t.db.prisma.cooperationHistory.count({
        where: { milestoneId: milestone(), departmentId: ids.shuangtaizi },
      }),
    ).toBe(1);
    const dropped = await t.db.prisma.auditEvent.findMany({
      where: { action: "set_cooperators", entityId: milestone() },
      orderBy: { at: "asc" },
    });
    expect(dropped.at(-1)!.after).toEqual({ cooperating: ["市法院"], lead: "双台子区政府" });
  });

  it("does the same when a project is reassigned or an item's department is changed by editing it", async () => {
    await put("admin", `projects/${ids.xuefuyuan}`, [ids.fayuan]);
    const project = await t.db.prisma.project.findUniqueOrThrow({ where: { id: ids.xuefuyuan } });
    const assigned = await t.as("admin")({
      method: "PUT",
      url: `/api/projects/${ids.xuefuyuan}/responsibility`,
      payload: { departmentId: ids.fayuan, personId: null, reason: "改由法院牵头", version: project.version },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await t.as("leader")({ url: `/api/projects/${ids.xuefuyuan}/cooperators` })).json()).toEqual({
      lead: { id: ids.fayuan, name: "市法院" },
      cooperating: [],
    });

    const item = ids.work.hongweiFundingItem;
    const { responsibleDepartmentId: lead, version } = await t.db.prisma.item.findUniqueOrThrow({
      where: { id: item },
    });
    const helper = [ids.shuangtaizi, ids.fayuan].find((d) => d !== lead)!;
    await put("admin", `items/${item}`, [helper]);
    const edited = await t.as("admin")({
      method: "PATCH",
      url: `/api/items/${item}`,
      payload: { responsibleDepartmentId: helper, version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const read = CooperatorsSchema.parse((await t.as("leader")({ url: `/api/items/${item}/cooperators` })).json());
    expect(read.lead?.id).toBe(helper);
    expect(read.cooperating).toEqual([]);
    expect(
      await t.db.prisma.cooperation.count({ where: { OR: [{ projectId: ids.xuefuyuan }, { itemId: item }] } }),
    ).toBe(0);
  });

  it("takes turns on the record's row: two sets saved at once end as one of them, never a mixture", async () => {
    const [a, b] = await raceOnLockedRow(t.db.url, "milestones", milestone(), 2, () =>
      Promise.all([
        put("admin", `milestones/${milestone()}`, [ids.fayuan]),
        put("admin", `milestones/${milestone()}`, [ids.shuangtaizi]),
      ]),
    );
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const rows = await t.db.prisma.cooperation.findMany({ where: { milestoneId: milestone() } });
    expect(rows).toHaveLength(1);
  });
});

describe("a cooperating department", () => {
  it("sees the work in My work under 配合, writes notes and attaches evidence, but does not move its status", async () => {
    // Before: 双台子区政府 has no part in 住建's milestone.
    expect((await note("coord-shuangtaizi", "已协调规划调整")).statusCode).toBe(403);
    const evidence = () =>
      t.as("coord-shuangtaizi")({
        method: "POST",
        url: `/api/milestones/${milestone()}/evidence`,
        ...multipartFile("协调会纪要.png", TINY_PNG),
      });
    expect((await evidence()).statusCode).toBe(403);

    await put("admin", `milestones/${milestone()}`, [ids.shuangtaizi]);
    const work = MyWorkSchema.parse((await t.as("coord-shuangtaizi")({ url: "/api/my-work" })).json());
    expect(work.cooperating.map((e) => [e.id, e.leadName])).toEqual([[milestone(), "市住建局"]]);
    expect(work.entries.some((e) => e.id === milestone())).toBe(false);

    const written = await note("coord-shuangtaizi", "  已协调规划调整，待住建局办理  ");
    expect(written.statusCode, written.body).toBe(201);
    expect(WorkNoteSchema.parse(written.json())).toMatchObject({
      text: "已协调规划调整，待住建局办理",
      department: { id: ids.shuangtaizi },
      role: "cooperating",
    });
    expect((await evidence()).statusCode).toBe(201);
    // The status stays the lead's.
    const move = await t.as("coord-shuangtaizi")({
      method: "PATCH",
      url: `/api/milestones/${milestone()}`,
      payload: { status: "blocked", note: "配合单位不能改状态", version: 1 },
    });
    expect(move.statusCode).toBe(403);

    // The lead, the office, and nobody else.
    expect((await note("coord-zhujian", "施工许可证已受理")).json().role).toBe("lead");
    expect((await note("wg", "工作组已督促")).json().role).toBe("office");
    expect((await note("coord-dawa", "无关部门")).statusCode).toBe(403);
    expect((await note("leader", "领导批示")).statusCode).toBe(403);
    const notes = (await t.as("leader")({ url: `/api/milestones/${milestone()}/notes` })).json();
    expect(notes.map((n: { role: string }) => n.role)).toEqual(["cooperating", "lead", "office"]);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "add_note", entityId: milestone() } })).toBe(3);
  });

  it("refuses an empty or over-long note and writes it once when sent twice", async () => {
    for (const text of ["", "   ", "长".repeat(1001)]) {
      const res = await note("coord-zhujian", text);
      expect(res.statusCode, String(text.length)).toBe(400);
      expect(ErrorResponseSchema.parse(res.json()).error.details?.[0]?.path).toBe("body.text");
    }
    expect((await note("coord-zhujian", "长".repeat(1000))).statusCode).toBe(201);
    const again = [
      await note("coord-zhujian", "重复提交", "note-retry-key-000001"),
      await note("coord-zhujian", "重复提交", "note-retry-key-000001"),
    ];
    expect(again.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(again[1]!.json().id).toBe(again[0]!.json().id);
    expect(await t.db.prisma.workNote.count()).toBe(2);
  });
});
