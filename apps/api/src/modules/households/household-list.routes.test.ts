import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOUSEHOLD_BULK_MAX, HouseholdListPageSchema, maskIdNumber } from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

// 回迁户名册 (issue 11): the registry across projects, its masked Excel export, and the batch
// move (a building's households handed keys on one day), one audit event per household.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-shuangtaizi", "coord-dawa", "coord-zhujian"];
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

const list = async (query: string, user = "leader") => {
  const res = await t.as(user)({ url: `/api/households?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return HouseholdListPageSchema.strict().parse(res.json());
};
const batch = (user: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: "/api/households/transitions", payload });
const districtId = async (code: string) => (await t.db.prisma.district.findFirstOrThrow({ where: { code } })).id;
const waitingOfGuangsha = (take: number) =>
  t.db.prisma.household.findMany({
    where: { projectId: ids.guangsha, state: "waiting" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, version: true, headName: true, idNumber: true, phone: true },
  });
const movedBack = async (projectId = ids.guangsha) =>
  (await t.db.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).movedBack;

describe("GET /api/households", () => {
  it("lists the three demo registries' households by district, project, state and search, paged on the server, masked", async () => {
    expect((await list("pageSize=1")).total).toBe(48 + 25 + 411);
    const dawa = await list(`districtId=${await districtId("dawa")}&pageSize=100`);
    expect(dawa.total).toBe(48 + 25);
    expect(new Set(dawa.items.map((h) => h.districtName))).toEqual(new Set(["大洼区"]));
    const guangsha = await list(`projectId=${ids.guangsha}&state=keys_handed&pageSize=100`);
    expect(guangsha.total).toBe(20);
    expect(guangsha.items.every((h) => h.projectName === "广厦小区" && h.state === "keys_handed")).toBe(true);
    // A project of another district: nothing.
    expect((await list(`projectId=${ids.guangsha}&districtId=${await districtId("dawa")}`)).total).toBe(0);

    const [first] = await waitingOfGuangsha(1);
    const found = await list(`q=${first!.idNumber.slice(-4)}`);
    expect(found.items.map((h) => h.id)).toContain(first!.id);
    expect(found.items.find((h) => h.id === first!.id)!.idNumberMasked).toBe(maskIdNumber(first!.idNumber));
    const page = await list("pageSize=100&page=2&sort=headName&order=desc");
    const text = JSON.stringify(page);
    const full = await t.db.prisma.household.findMany({ select: { idNumber: true } });
    expect(full.some((h) => text.includes(h.idNumber))).toBe(false);
    const one = await list("pageSize=1&page=2&sort=headName&order=desc");
    expect(one.items[0]).toEqual((await list("pageSize=2&sort=headName&order=desc")).items[1]);
  });

  it("refuses a filter that is not one, field by field", async () => {
    const res = await t.as("leader")({ url: "/api/households?districtId=dawa&state=gone&pageSize=101&sort=id" });
    expect(res.statusCode).toBe(400);
    expect([...(detailPaths(res) ?? [])].sort()).toEqual(
      ["querystring.districtId", "querystring.pageSize", "querystring.sort", "querystring.state"].sort(),
    );
  });
});

describe("GET /api/households/export", () => {
  it("writes every household the filters select, in the list's order, ID numbers and phones masked", async () => {
    const query = `projectId=${ids.guangsha}&state=waiting&sort=headName`;
    const res = await t.as("coord-zhujian")({ url: `/api/households/export?${query}` });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("回迁户名册")!;
    const rows = sheet.getSheetValues().slice(1) as unknown as (string | number)[][];
    expect(rows[0]!.slice(1)).toEqual([
      "区县",
      "项目",
      "户主姓名",
      "身份证号",
      "联系电话",
      "原住址",
      "安置面积（㎡）",
      "安置方式",
      "状态",
      "状态日期",
      "备注",
    ]);
    const listed = await list(`${query}&pageSize=100`);
    const listedAll = [...listed.items, ...(await list(`${query}&pageSize=100&page=2`)).items];
    expect(rows.length - 1).toBe(listed.total);
    expect(rows.slice(1).map((r) => [r[3], r[4], r[9]])).toEqual(
      listedAll.map((h) => [h.headName, h.idNumberMasked, "待回迁"]),
    );
    const text = JSON.stringify(rows);
    const full = await t.db.prisma.household.findMany({ where: { projectId: ids.guangsha } });
    expect(full.some((h) => text.includes(h.idNumber) || (h.phone !== null && text.includes(h.phone)))).toBe(false);
  });
});

describe("POST /api/households/transitions", () => {
  it("moves the selected households on one day, each with its ledger entry and its own audit event", async () => {
    const households = await waitingOfGuangsha(3);
    const before = await movedBack();
    const res = await batch("coord-shuangtaizi", {
      items: households.map(({ id, version }) => ({ id, version })),
      to: "moved_back",
      on: "2026-11-24",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ moved: 3 });
    expect(await movedBack()).toBe(before + 3);
    for (const h of households) {
      const row = await t.db.prisma.household.findUniqueOrThrow({ where: { id: h.id } });
      expect([row.state, row.version]).toEqual(["moved_back", h.version + 1]);
      const events = await t.db.prisma.auditEvent.findMany({
        where: { entityId: h.id, action: "transition" },
        select: { before: true, after: true },
      });
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events)).not.toContain(h.idNumber);
      expect(await t.db.prisma.householdEvent.count({ where: { householdId: h.id, toState: "moved_back" } })).toBe(1);
    }
    expect(
      await t.db.prisma.progressReport.count({
        where: { projectId: ids.guangsha, reportedOn: new Date("2026-11-24") },
      }),
    ).toBe(3);
  });

  it("refuses the whole batch when one household cannot move, naming it; nothing written", async () => {
    const [a, b, c] = await waitingOfGuangsha(3);
    const items = [a!, b!, c!].map(({ id, version }) => ({ id, version }));
    const before = await snapshot(t.db.prisma);
    const stale = await batch("coord-shuangtaizi", {
      items: [items[0], { ...items[1], version: items[1]!.version + 1 }, items[2]],
      to: "allocated",
      on: "2026-11-24",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({
      path: "body.items.1.version",
      reason: "stale_version",
      params: { headName: b!.headName, index: 1 },
    });
    expect(detailPaths(await batch("coord-shuangtaizi", { items, to: "waiting", on: "2026-11-24" }))).toEqual([
      "body.items.0.to",
    ]);
    expect(detailPaths(await batch("coord-shuangtaizi", { items, to: "allocated", on: "2026-11-26" }))).toEqual([
      "body.items.0.on",
    ]);
    expect(
      detailPaths(await batch("coord-shuangtaizi", { items: [items[0], items[0]], to: "allocated", on: "2026-11-24" })),
    ).toEqual(["body.items"]);
    const tooMany = Array.from({ length: HOUSEHOLD_BULK_MAX + 1 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      version: 1,
    }));
    expect(
      detailPaths(await batch("coord-shuangtaizi", { items: tooMany, to: "allocated", on: "2026-11-24" })),
    ).toEqual(["body.items"]);
    const unknown = await batch("coord-shuangtaizi", {
      items: [items[0], { id: "00000000-0000-4000-8000-000000000000", version: 1 }],
      to: "allocated",
      on: "2026-11-24",
    });
    expect(detailPaths(unknown)).toEqual(["body.items.1.id"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("is for each project's keepers: one household of a project the coordinator does not keep refuses the batch", async () => {
    const [a] = await waitingOfGuangsha(1);
    const hetang = await t.db.prisma.household.findFirstOrThrow({ where: { projectId: ids.hetang } });
    const before = await snapshot(t.db.prisma);
    for (const [user, items] of [
      ["coord-dawa", [a!]],
      ["coord-shuangtaizi", [a!, hetang]],
      ["leader", [a!]],
      ["wg", [a!]],
    ] as const) {
      const res = await batch(user, {
        items: items.map(({ id, version }) => ({ id, version })),
        to: "keys_handed",
        on: "2026-11-24",
        reason: "测试",
      });
      expect(res.statusCode, `${user}: ${res.body}`).toBe(403);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("two batches sharing a household under the same versions: one wins, the other is 409 and writes nothing", async () => {
    const [a, b, c] = await waitingOfGuangsha(3);
    const before = await movedBack();
    const first = { items: [a!, b!].map(({ id, version }) => ({ id, version })), to: "moved_back", on: "2026-11-24" };
    const second = { items: [c!, b!].map(({ id, version }) => ({ id, version })), to: "moved_back", on: "2026-11-24" };
    const [x, y] = await raceOnLockedRow(t.db.url, "households", b!.id, 2, () =>
      Promise.all([batch("coord-shuangtaizi", first), batch("admin", second)]),
    );
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    expect(await movedBack()).toBe(before + 2);
    const loser = x.statusCode === 409 ? a! : c!;
    expect((await t.db.prisma.household.findUniqueOrThrow({ where: { id: loser.id } })).state).toBe("waiting");
  });
});
