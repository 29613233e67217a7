import { afterEach, describe, expect, it } from "vitest";
import {
  ArrearsReportSchema,
  HouseholdSubsidyDetailSchema,
  HouseholdSubsidyPageSchema,
  monthlyDueFen,
  ProjectDetailSchema,
  ProjectSubsidySchema,
  SubsidyPaymentSchema,
} from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

// 临时安置补助费 (issue 11). The demo: 广厦小区 pays 800 yuan per household per month from January
// 2025; its 261 households not yet back are paid through August 2026, five of them only through
// May 2026. The test clock stands at 2026-11-25: September (due 30 Sep, 56 days late) and October
// (due 31 Oct, 25 days) are open for everyone, and June and July (over 90 days) for the five.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-shuangtaizi", "coord-dawa", "coord-zhujian"];
async function start(clock?: { now(): Date }) {
  t = await createTestApp(clock ? { clock } : {});
  ids = await seededIds(t.db.prisma);
  // Signed in before any snapshot: a sign-in writes its session.
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" });
}
afterEach(() => t.close());

const RATE = 80_000;
const arrears = async (query = "") => {
  const res = await t.as("leader")({ url: `/api/subsidy/arrears${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return ArrearsReportSchema.strict().parse(res.json());
};
const pay = (user: string, householdId: string, payload: Record<string, unknown>, headers = {}) =>
  t.as(user)({ method: "POST", url: `/api/households/${householdId}/subsidy-payments`, payload, headers });
const payment = (extra: Record<string, unknown> = {}) => ({
  month: "2026-06",
  amountFen: RATE,
  paidOn: "2026-11-24",
  voucherNo: "CZ-2026-1124",
  ...extra,
});
/** The five households behind since June 2026: the project's owing list puts them first. */
async function behind() {
  const res = await t.as("leader")({
    url: `/api/projects/${ids.guangsha}/subsidy/households?owing=true&pageSize=5`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const page = HouseholdSubsidyPageSchema.parse(res.json());
  expect(page.total).toBe(261);
  expect(page.items.map((h) => h.oldestDueMonth)).toEqual(Array(5).fill("2026-06"));
  return page.items;
}

describe("GET /api/subsidy/arrears", () => {
  it("ages 广厦小区's arrears: households, amount, oldest month, buckets, by district and in all", async () => {
    await start();
    const report = await arrears();
    expect(report.asOf).toBe("2026-11-25");
    expect(report.projects).toHaveLength(1);
    const guangsha = report.projects[0]!;
    expect(guangsha).toMatchObject({
      projectId: ids.guangsha,
      projectName: "广厦小区",
      households: 261,
      amountOwed: 256 * 2 * RATE + 5 * 5 * RATE,
      oldestDueMonth: "2026-06",
      buckets: { d1to30: 261 * RATE, d31to90: 256 * RATE + 5 * 2 * RATE, over90: 5 * 2 * RATE },
    });
    expect(report.districts).toEqual([
      expect.objectContaining({ districtId: guangsha.districtId, households: 261, amountOwed: guangsha.amountOwed }),
    ]);
    expect(report.total).toMatchObject({ households: 261, amountOwed: guangsha.amountOwed, oldestDueMonth: "2026-06" });

    // Filters: by project, by district (大洼区 has no standard: nothing).
    expect((await arrears(`?projectId=${ids.guangsha}`)).projects).toHaveLength(1);
    const dawa = await t.db.prisma.district.findFirstOrThrow({ where: { name: "大洼区" } });
    expect(await arrears(`?districtId=${dawa.id}`)).toMatchObject({
      projects: [],
      total: { households: 0, amountOwed: 0, oldestDueMonth: null },
    });
    expect((await t.as("leader")({ url: "/api/subsidy/arrears?districtId=nope" })).statusCode).toBe(400);
  });

  it("ages across a year boundary: on 10 January 2027, December is 10 days late, September over 90", async () => {
    await start({ now: () => new Date("2027-01-10T02:00:00Z") });
    const [first] = await (async () => {
      const res = await t.as("leader")({
        url: `/api/projects/${ids.guangsha}/subsidy/households?owing=true&pageSize=1`,
      });
      return HouseholdSubsidyPageSchema.parse(res.json()).items;
    })();
    const res = await t.as("leader")({ url: `/api/households/${first!.householdId}/subsidy` });
    const detail = HouseholdSubsidyDetailSchema.strict().parse(res.json());
    const late = Object.fromEntries(detail.months.map((m) => [m.month, m.daysOverdue]));
    expect(late).toMatchObject({ "2027-01": 0, "2026-12": 10, "2026-11": 41, "2026-09": 102, "2026-06": 194 });
    expect(detail.months[0]!.month).toBe("2027-01");
    const report = await arrears();
    // Everyone: Dec (1–30), Nov and Oct (31–90), Sep (90+); the five also Jun–Aug (90+).
    expect(report.total.buckets).toEqual({
      d1to30: 261 * RATE,
      d31to90: 261 * 2 * RATE,
      over90: 256 * RATE + 5 * 4 * RATE,
    });
  });

  it("turns 广厦小区 red with the reason: subsidy owed for more than 90 days", async () => {
    await start();
    const res = await t.as("leader")({ url: `/api/projects/${ids.guangsha}` });
    const detail = ProjectDetailSchema.parse(res.json());
    expect(detail.health.level).toBe("red");
    expect(detail.health.rules).toContainEqual({
      code: "subsidy_arrears",
      level: "red",
      params: { amountFen: 5 * 2 * RATE, oldestDueMonth: "2026-06" },
    });
    // A project without a standard has no such rule.
    const other = ProjectDetailSchema.parse((await t.as("leader")({ url: `/api/projects/${ids.xiangyang}` })).json());
    expect(other.health.rules.map((r) => r.code)).not.toContain("subsidy_arrears");
  });
});

describe("POST /api/households/:id/subsidy-payments", () => {
  it("a payment by the district's coordinator clears that month's arrear, audited with the ID number masked", async () => {
    await start();
    const [household] = await behind();
    const before = (await arrears()).total;
    const res = await pay("coord-shuangtaizi", household!.householdId, payment());
    expect(res.statusCode, res.body).toBe(201);
    const paid = SubsidyPaymentSchema.strict().parse(res.json());
    expect(paid).toMatchObject({ month: "2026-06", amountFen: RATE, paidOn: "2026-11-24", voucherNo: "CZ-2026-1124" });
    const after = (await arrears()).total;
    expect(after.amountOwed).toBe(before.amountOwed - RATE);
    expect(after.buckets.over90).toBe(before.buckets.over90 - RATE);
    const detail = HouseholdSubsidyDetailSchema.parse(
      (await t.as("leader")({ url: `/api/households/${household!.householdId}/subsidy` })).json(),
    );
    expect(detail.months.find((m) => m.month === "2026-06")).toMatchObject({
      paidFen: RATE,
      owedFen: 0,
      daysOverdue: 0,
    });
    expect(detail.account.oldestDueMonth).toBe("2026-07");
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: paid.id } });
    expect(audit).toMatchObject({ entityType: "subsidy_payment", action: "create" });
    const text = JSON.stringify(audit.after);
    expect(text).toContain(household!.idNumberMasked);
    expect(text).toMatch(/"amount":"800\.00"/);
    const full = await t.db.prisma.household.findUniqueOrThrow({ where: { id: household!.householdId } });
    expect(text).not.toContain(full.idNumber);
  });

  it("a month may be paid in parts, never beyond what it was due", async () => {
    await start();
    const [household] = await behind();
    expect((await pay("admin", household!.householdId, payment({ amountFen: 30_000 }))).statusCode).toBe(201);
    const over = await pay("admin", household!.householdId, payment({ amountFen: 50_001 }));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({
      path: "body.amountFen",
      reason: "overpaid",
      params: { maximum: 50_000, amount: "500.00" },
    });
    expect((await pay("admin", household!.householdId, payment({ amountFen: 50_000 }))).statusCode).toBe(201);
    const full = await pay("admin", household!.householdId, payment({ amountFen: 1 }));
    expect(full.json().error.details[0]).toMatchObject({ reason: "overpaid", params: { maximum: 0 } });
  });

  it("refuses a month not due, an amount that is not whole fen, a day in the future — writing nothing", async () => {
    await start();
    const [household] = await behind();
    const id = household!.householdId;
    const before = await snapshot(t.db.prisma);
    const refused = async (extra: Record<string, unknown>) => {
      const res = await pay("coord-shuangtaizi", id, payment(extra));
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details as { path: string; reason: string; params?: Record<string, unknown> }[];
    };
    expect(await refused({ month: "2024-12" })).toEqual([
      expect.objectContaining({
        path: "body.month",
        reason: "not_due",
        params: { minimum: "2025-01", maximum: "2026-11" },
      }),
    ]);
    expect((await refused({ month: "2026-12" }))[0]!.reason).toBe("not_due");
    expect((await refused({ month: "2026-13" }))[0]!.path).toBe("body.month");
    for (const amountFen of [0, -5, 3.5, "800", 1_000_000_001])
      expect((await refused({ amountFen }))[0]!.path).toBe("body.amountFen");
    expect((await refused({ paidOn: "2026-11-26" }))[0]).toMatchObject({
      path: "body.paidOn",
      reason: "date_in_future",
    });
    expect((await refused({ paidOn: "1900-01-01" }))[0]!.path).toBe("body.paidOn");
    expect((await refused({ voucherNo: "" }))[0]!.path).toBe("body.voucherNo");
    expect((await refused({ voucherNo: "凭证 1" }))[0]!.path).toBe("body.voucherNo");
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("a household moved back is due up to the month it moved, not after", async () => {
    await start();
    const [household] = await behind();
    const id = household!.householdId;
    const h = await t.db.prisma.household.findUniqueOrThrow({ where: { id } });
    const moved = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/households/${id}/transitions`,
      payload: { to: "moved_back", on: "2026-07-15", reason: "e2e：补录", version: h.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const detail = HouseholdSubsidyDetailSchema.parse(
      (await t.as("leader")({ url: `/api/households/${id}/subsidy` })).json(),
    );
    expect(detail.months[0]!.month).toBe("2026-07");
    expect(detail.account).toMatchObject({ monthsDue: 19, owedFen: 2 * RATE, oldestDueMonth: "2026-06" });
    expect((await pay("coord-shuangtaizi", id, payment({ month: "2026-08" }))).json().error.details[0].reason).toBe(
      "not_due",
    );
  });

  it("only the project's registry keepers and the office record payments", async () => {
    await start();
    const [household] = await behind();
    const before = await snapshot(t.db.prisma);
    for (const user of ["coord-zhujian", "coord-dawa", "leader", "wg"])
      expect((await pay(user, household!.householdId, payment())).statusCode, user).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect((await pay("admin", household!.householdId, payment())).statusCode).toBe(201);
  });

  it("two payments racing for the same open month: one is written, the other refused", async () => {
    await start();
    const [household] = await behind();
    const results = await raceOnLockedRow(t.db.url, "projects", ids.guangsha, 2, () =>
      Promise.all([
        pay("admin", household!.householdId, payment({ voucherNo: "A-1" })),
        pay("coord-shuangtaizi", household!.householdId, payment({ voucherNo: "B-1" })),
      ]),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(
      await t.db.prisma.subsidyPayment.count({
        where: { householdId: household!.householdId, month: new Date("2026-06-01") },
      }),
    ).toBe(1);
  });

  it("the same Idempotency-Key twice writes one payment", async () => {
    await start();
    const [household] = await behind();
    const headers = { "idempotency-key": "subsidy-payment-0001" };
    const first = await pay("admin", household!.householdId, payment(), headers);
    const again = await pay("admin", household!.householdId, payment(), headers);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(
      await t.db.prisma.subsidyPayment.count({
        where: { householdId: household!.householdId, month: new Date("2026-06-01") },
      }),
    ).toBe(1);
  });
});

describe("subsidy standards", () => {
  it("per m²: each month due is the rate times the area, rounded to the fen exactly as the domain does", async () => {
    await start();
    const huarun = await t.db.prisma.project.findUniqueOrThrow({ where: { code: "huarun-wanjia" } });
    const res = await t.as("admin")({
      method: "POST",
      url: `/api/projects/${huarun.id}/subsidy/standards`,
      payload: { basis: "per_m2", rateFen: 1_255, effectiveFrom: "2019-01", note: "每平方米每月 12.55 元" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const subsidy = ProjectSubsidySchema.parse(
      (await t.as("leader")({ url: `/api/projects/${huarun.id}/subsidy` })).json(),
    );
    expect(subsidy).toMatchObject({ startMonth: "2019-01", standards: [{ basis: "per_m2", rateFen: 1_255 }] });
    // Its 25 households settled in October 2019: ten months each, never paid.
    const page = HouseholdSubsidyPageSchema.parse(
      (await t.as("leader")({ url: `/api/projects/${huarun.id}/subsidy/households?pageSize=100` })).json(),
    );
    expect(page.total).toBe(25);
    const areas = new Map(
      (await t.db.prisma.household.findMany({ where: { projectId: huarun.id } })).map((h) => [
        h.id,
        h.areaM2.toFixed(2),
      ]),
    );
    for (const account of page.items) {
      const monthly = monthlyDueFen("per_m2", 1_255, areas.get(account.householdId)!);
      expect(account).toMatchObject({ monthsDue: 10, dueFen: 10 * monthly, paidFen: 0, owedFen: 10 * monthly });
    }
    expect(subsidy.arrears).toMatchObject({ households: 25, oldestDueMonth: "2019-01" });
  });

  it("a new rate starts after the latest; only the office sets one", async () => {
    await start();
    const url = `/api/projects/${ids.guangsha}/subsidy/standards`;
    const standard = (effectiveFrom: string) => ({ basis: "per_household", rateFen: 90_000, effectiveFrom });
    const before = await snapshot(t.db.prisma);
    expect((await t.as("coord-shuangtaizi")({ method: "POST", url, payload: standard("2026-12") })).statusCode).toBe(
      403,
    );
    const early = await t.as("admin")({ method: "POST", url, payload: standard("2025-01") });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({ path: "body.effectiveFrom", reason: "out_of_bounds" });
    expect(
      detailPaths(await t.as("admin")({ method: "POST", url, payload: { ...standard("2026-12"), rateFen: 0 } })),
    ).toEqual(["body.rateFen"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    // From December, 900 yuan: the months before keep 800.
    expect((await t.as("admin")({ method: "POST", url, payload: standard("2026-12") })).statusCode).toBe(201);
    const subsidy = ProjectSubsidySchema.parse(
      (await t.as("leader")({ url: `/api/projects/${ids.guangsha}/subsidy` })).json(),
    );
    expect(subsidy.standards.map((s) => [s.effectiveFrom, s.rateFen])).toEqual([
      ["2025-01", RATE],
      ["2026-12", 90_000],
    ]);
    const [household] = await behind();
    const detail = HouseholdSubsidyDetailSchema.parse(
      (await t.as("leader")({ url: `/api/households/${household!.householdId}/subsidy` })).json(),
    );
    expect(detail.months.every((m) => m.dueFen === RATE)).toBe(true);
  });
});
