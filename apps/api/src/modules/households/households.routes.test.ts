import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fictionalIdNumber, HouseholdPageSchema, HouseholdSchema, maskIdNumber } from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

// 回迁户台账 (issue 11): households of a project, masked everywhere, moved state by state; a
// settled household writes the progress ledger, so the project's figure follows the registry.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-shuangtaizi", "coord-dawa", "coord-zhujian"];
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

const ID_A = fictionalIdNumber(1, "19620315");
const ID_B = fictionalIdNumber(2, "19850707");
const household = (idNumber = ID_A, extra: Record<string, unknown> = {}) => ({
  headName: "欧阳测甲",
  idNumber,
  phone: "13812345678",
  address: "测试路 3 号楼 2 单元 501",
  areaM2: 86.4,
  approach: "on_site_rebuild",
  ...extra,
});
const create = (user: string, payload: Record<string, unknown>, projectId = ids.xuefuyuan) =>
  t.as(user)({ method: "POST", url: `/api/projects/${projectId}/households`, payload });
const move = (user: string, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/households/${id}/transitions`, payload });
const registered = async (projectId = ids.xuefuyuan) =>
  (await t.db.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).registeredHouseholds;
const movedBack = async (projectId = ids.xuefuyuan) =>
  (await t.db.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).movedBack;
const auditOf = (entityId: string) =>
  t.db.prisma.auditEvent.findMany({
    where: { entityId },
    orderBy: { at: "asc" },
    select: { action: true, before: true, after: true },
  });

async function created(user = "coord-shuangtaizi", payload = household()) {
  const res = await create(user, payload);
  expect(res.statusCode, res.body).toBe(201);
  return HouseholdSchema.strict().parse(res.json());
}

describe("POST /api/projects/:id/households", () => {
  it("adds a household waiting to move back; its ID number and phone leave the server masked, the audit trail too", async () => {
    const before = await registered();
    const h = await created();
    expect(h).toMatchObject({
      headName: "欧阳测甲",
      idNumberMasked: maskIdNumber(ID_A),
      phoneMasked: "138****5678",
      areaM2: 86.4,
      state: "waiting",
      stateOn: "2026-11-25",
      version: 1,
    });
    expect(JSON.stringify(h)).not.toContain(ID_A);
    const list = HouseholdPageSchema.parse(
      (await t.as("leader")({ url: `/api/projects/${ids.xuefuyuan}/households?q=欧阳` })).json(),
    );
    expect(list.total).toBe(1);
    expect(JSON.stringify(list)).not.toContain(ID_A);
    expect(JSON.stringify(list)).not.toContain("13812345678");
    const events = await auditOf(h.id);
    expect(events.map((e) => e.action)).toEqual(["create"]);
    expect(JSON.stringify(events)).not.toContain(ID_A);
    expect(JSON.stringify(events)).not.toContain("13812345678");
    // Read back through the audit API with its label, masked as well.
    const trail = (await t.as("admin")({ url: `/api/audit-events?entityId=${h.id}` })).json();
    expect(trail.items[0].entityLabel).toBe(`欧阳测甲（${maskIdNumber(ID_A)}）`);
    expect(await registered()).toBe(before + 1);
  });

  it("refuses a wrong check digit, an impossible birth date and an area with three decimals, field by field, writing nothing", async () => {
    const before = await snapshot(t.db.prisma);
    const wrongDigit = ID_A.slice(0, 17) + (ID_A[17] === "1" ? "2" : "1");
    const res = await create("coord-shuangtaizi", household(wrongDigit, { areaM2: 86.456 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        path: "body.idNumber",
        reason: "id_number_invalid",
        params: { problem: "check_digit" },
      }),
      expect.objectContaining({ path: "body.areaM2", reason: "invalid_format" }),
    ]);
    const badBirth = await create("coord-shuangtaizi", household(fictionalIdNumber(3, "19700230")));
    expect(badBirth.json().error.details[0]).toMatchObject({
      reason: "id_number_invalid",
      params: { problem: "birth_date" },
    });
    expect(detailPaths(await create("coord-shuangtaizi", household(ID_A, { areaM2: -5 })))).toEqual(["body.areaM2"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("one ID number, one household: the second is 409 on idNumber, even in another project", async () => {
    await created();
    const before = await t.db.prisma.household.count();
    const res = await create("admin", household(ID_A, { headName: "司马测乙" }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: "body.idNumber", reason: "taken" })]);
    expect(res.body).not.toContain(ID_A);
    expect(await t.db.prisma.household.count()).toBe(before);
  });

  it("is for the project's district government or responsible department and the office: others 403, nothing written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const user of ["coord-dawa", "wg", "leader"]) expect((await create(user, household())).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect((await create("admin", household())).statusCode).toBe(201);
  });

  it("a project counted from typed reports starts its registry by import, not household by household", async () => {
    const res = await create("coord-dawa", household(), ids.taoliyuan);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0]).toMatchObject({ reason: "registry_managed", params: { movedBack: 20 } });
    expect(await registered(ids.taoliyuan)).toBe(0);
  });

  it("never holds more households than the plan's total, even when the last places are raced for", async () => {
    const { totalHouseholds } = await t.db.prisma.project.findUniqueOrThrow({ where: { id: ids.xuefuyuan } });
    await t.db.prisma.project.update({
      where: { id: ids.xuefuyuan },
      data: { registeredHouseholds: totalHouseholds - 1 },
    });
    const count = await t.db.prisma.household.count();
    const [a, b] = await raceOnLockedRow(t.db.url, "projects", ids.xuefuyuan, 2, () =>
      Promise.all([create("coord-shuangtaizi", household(ID_A)), create("admin", household(ID_B))]),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = [a, b].find((r) => r.statusCode === 409)!;
    expect(refused.json().error.details[0]).toMatchObject({
      reason: "registry_full",
      params: { maximum: totalHouseholds },
    });
    expect(await t.db.prisma.household.count()).toBe(count + 1);
    expect(await registered()).toBe(totalHouseholds);
  });
});

describe("a typed report and the registry's first household at once", () => {
  it("queue on the project's row: exactly one gets in, so the figure and the registry never part", async () => {
    const [report, first] = await raceOnLockedRow(t.db.url, "projects", ids.xuefuyuan, 2, () =>
      Promise.all([
        t.as("coord-shuangtaizi")({
          method: "POST",
          url: `/api/projects/${ids.xuefuyuan}/progress-reports`,
          payload: { reportedOn: "2026-11-24", households: 2 },
        }),
        create("coord-shuangtaizi", household()),
      ]),
    );
    expect([report.statusCode, first.statusCode].sort()).toEqual([201, 409]);
    const refused = report.statusCode === 409 ? report : first;
    expect(refused.json().error.details[0].reason).toBe("registry_managed");
    const project = await t.db.prisma.project.findUniqueOrThrow({ where: { id: ids.xuefuyuan } });
    // Either typed (2 moved back, no registry) or a registry (one waiting household, 0 moved back).
    expect([project.movedBack, project.registeredHouseholds]).toEqual(report.statusCode === 201 ? [2, 0] : [0, 1]);
  });

  // The order above is left to the database; here the household is first in the queue and the
  // typed report second, so a report that read the project before taking its row (and found no
  // registry yet) would get in after the household: both 201, a figure the registry does not hold.
  it("the household first in the queue, the typed report behind it: the report is refused (registry_managed)", async () => {
    const waitingOnLocks = async () =>
      (
        await t.db.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )[0]!.n;
    const [first, report] = await raceOnLockedRow(t.db.url, "projects", ids.xuefuyuan, 2, async () => {
      const registering = create("coord-shuangtaizi", household());
      while ((await waitingOnLocks()) < 1) await new Promise((resolve) => setTimeout(resolve, 20));
      const typed = t.as("coord-shuangtaizi")({
        method: "POST",
        url: `/api/projects/${ids.xuefuyuan}/progress-reports`,
        payload: { reportedOn: "2026-11-24", households: 2 },
      });
      return Promise.all([registering, typed]);
    });
    expect([first.statusCode, report.statusCode]).toEqual([201, 409]);
    expect(report.json().error.details[0].reason).toBe("registry_managed");
    const project = await t.db.prisma.project.findUniqueOrThrow({ where: { id: ids.xuefuyuan } });
    expect([project.movedBack, project.registeredHouseholds]).toEqual([0, 1]);
  });
});

describe("GET /api/projects/:id/households", () => {
  it("searches the head's name, the address and the ID number's last digits; filters by state; pages on the server", async () => {
    const a = await created();
    await created("admin", household(ID_B, { headName: "司马测乙", address: "测试路 5 号楼" }));
    await move("coord-shuangtaizi", a.id, { to: "allocated", on: "2026-11-20", version: 1 });
    const page = async (query: string) =>
      HouseholdPageSchema.parse(
        (await t.as("coord-zhujian")({ url: `/api/projects/${ids.xuefuyuan}/households?${query}` })).json(),
      );
    expect((await page("q=测乙")).items.map((h) => h.headName)).toEqual(["司马测乙"]);
    expect((await page("q=测试路 5 号楼")).total).toBe(1);
    expect((await page(`q=${ID_B.slice(-4)}`)).items.map((h) => h.headName)).toEqual(["司马测乙"]);
    // The birth date is not searchable: only the tail a masked number shows.
    expect((await page(`q=${ID_B.slice(6, 14)}`)).total).toBe(0);
    expect((await page("state=allocated&q=测")).items.map((h) => h.headName)).toEqual(["欧阳测甲"]);
    const all = await page("pageSize=100");
    const second = await page("pageSize=1&page=2");
    expect([second.total, second.items.length, second.page]).toEqual([all.total, 1, 2]);
    expect(second.items[0]).toEqual(all.items[1]);
    expect((await t.as("leader")({ url: `/api/projects/${ids.xuefuyuan}/households?q=%25` })).json().total).toBe(0);
  });
});

describe("POST /api/households/:id/transitions", () => {
  it("moving back writes +1 to the ledger in the same transaction; going back needs a reason and writes −1", async () => {
    const h = await created();
    const dashboardBefore = (await t.as("leader")({ url: "/api/dashboard" })).json();
    const keys = await move("coord-shuangtaizi", h.id, { to: "keys_handed", on: "2026-11-20", version: 1 });
    expect(keys.statusCode, keys.body).toBe(200);
    expect(await movedBack()).toBe(0);
    const back = await move("coord-shuangtaizi", h.id, { to: "moved_back", on: "2026-11-24", version: 2 });
    expect(back.json()).toMatchObject({ state: "moved_back", stateOn: "2026-11-24", version: 3 });
    expect(await movedBack()).toBe(1);
    const entry = await t.db.prisma.progressReport.findFirstOrThrow({ where: { projectId: ids.xuefuyuan } });
    expect(entry).toMatchObject({ households: 1, note: "欧阳测甲：已交钥匙 → 已回迁" });
    const dashboard = (await t.as("leader")({ url: "/api/dashboard" })).json();
    expect(JSON.stringify(dashboard)).not.toEqual(JSON.stringify(dashboardBefore));

    const noReason = await move("coord-shuangtaizi", h.id, { to: "keys_handed", on: "2026-11-25", version: 3 });
    expect(noReason.statusCode).toBe(400);
    expect(detailPaths(noReason)).toEqual(["body.reason"]);
    expect(await movedBack()).toBe(1);
    const undo = await move("coord-shuangtaizi", h.id, {
      to: "keys_handed",
      on: "2026-11-25",
      reason: "误录：该户尚未入住",
      version: 3,
    });
    expect(undo.statusCode).toBe(200);
    expect(await movedBack()).toBe(0);
    const events = (await t.as("leader")({ url: `/api/households/${h.id}/events` })).json();
    expect(events.map((e: { from: string | null; to: string }) => [e.from, e.to])).toEqual([
      [null, "waiting"],
      ["waiting", "keys_handed"],
      ["keys_handed", "moved_back"],
      ["moved_back", "keys_handed"],
    ]);
    // A typed report is refused once the registry keeps the figure.
    const typed = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/progress-reports`,
      payload: { reportedOn: "2026-11-24", households: 1 },
    });
    expect(typed.statusCode).toBe(409);
    expect(typed.json().error.details[0].reason).toBe("registry_managed");
  });

  it("refuses a stale version with the household as it is, a day in the future or before its current state, writing nothing", async () => {
    const h = await created();
    await move("coord-shuangtaizi", h.id, { to: "allocated", on: "2026-11-20", version: 1 });
    const before = await snapshot(t.db.prisma);
    const stale = await move("coord-shuangtaizi", h.id, { to: "contracted", on: "2026-11-21", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ state: "allocated", version: 2 });
    expect(
      detailPaths(await move("coord-shuangtaizi", h.id, { to: "contracted", on: "2026-11-26", version: 2 })),
    ).toEqual(["body.on"]);
    expect(
      detailPaths(await move("coord-shuangtaizi", h.id, { to: "contracted", on: "2026-11-19", version: 2 })),
    ).toEqual(["body.on"]);
    expect(
      detailPaths(await move("coord-shuangtaizi", h.id, { to: "allocated", on: "2026-11-21", version: 2 })),
    ).toEqual(["body.to"]);
    expect((await move("coord-dawa", h.id, { to: "contracted", on: "2026-11-21", version: 2 })).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("two moves of one household with the same version: one wins, the other is 409, the figure moves once", async () => {
    const h = await created();
    const [a, b] = await raceOnLockedRow(t.db.url, "households", h.id, 2, () =>
      Promise.all([
        move("coord-shuangtaizi", h.id, { to: "moved_back", on: "2026-11-24", version: 1 }),
        move("admin", h.id, { to: "moved_back", on: "2026-11-24", version: 1 }),
      ]),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await movedBack()).toBe(1);
    expect(await t.db.prisma.progressReport.count({ where: { projectId: ids.xuefuyuan } })).toBe(1);
  });
});

describe("POST /api/households/:id/reveal", () => {
  it("shows one full ID number to an administrator who gives a reason, audited without the number; 403 for everyone else", async () => {
    const h = await created();
    for (const user of ["coord-shuangtaizi", "wg", "leader"]) {
      const res = await t.as(user)({
        method: "POST",
        url: `/api/households/${h.id}/reveal`,
        payload: { reason: "核对" },
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(ID_A);
    }
    expect(
      detailPaths(
        await t.as("admin")({ method: "POST", url: `/api/households/${h.id}/reveal`, payload: { reason: " " } }),
      ),
    ).toEqual(["body.reason"]);
    const res = await t.as("admin")({
      method: "POST",
      url: `/api/households/${h.id}/reveal`,
      payload: { reason: "信访核实身份" },
    });
    expect(res.json()).toEqual({ idNumber: ID_A });
    const reveal = (await auditOf(h.id)).find((e) => e.action === "reveal_id_number")!;
    expect(reveal.after).toMatchObject({ reason: "信访核实身份", idNumber: maskIdNumber(ID_A) });
    expect(JSON.stringify(await auditOf(h.id))).not.toContain(ID_A);
  });
});

describe("the demo registry", () => {
  it("广厦小区 keeps all 411 households, 150 moved back as its ledger says; one more moving back makes 151 on the dashboard", async () => {
    const list = (query: string) =>
      t
        .as("leader")({ url: `/api/projects/${ids.guangsha}/households?${query}` })
        .then((r) => HouseholdPageSchema.parse(r.json()));
    expect((await list("pageSize=1")).total).toBe(411);
    expect((await list("state=moved_back&pageSize=1")).total).toBe(150);
    const page = await list("state=keys_handed&pageSize=100");
    expect(page.items.every((h) => h.headName.endsWith("（演示）") && h.idNumberMasked.startsWith("999999"))).toBe(
      true,
    );
    const keys = page.items[0]!;
    const before = (await t.as("leader")({ url: "/api/dashboard" })).json();
    const res = await move("coord-shuangtaizi", keys.id, { to: "moved_back", on: "2026-11-24", version: keys.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await movedBack(ids.guangsha)).toBe(151);
    const after = (await t.as("leader")({ url: "/api/dashboard" })).json();
    expect(after.totals.movedBack).toBe(before.totals.movedBack + 1);
    const district = (d: { districts: { code: string; movedBack: number }[] }) =>
      d.districts.find((x) => x.code === "shuangtaizi")!;
    expect(district(after).movedBack).toBe(district(before).movedBack + 1);
  });
});
