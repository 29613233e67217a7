import ExcelJS from "exceljs";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ErrorResponseSchema,
  fictionalIdNumber,
  HOUSEHOLD_IMPORT_COLUMNS,
  HOUSEHOLD_IMPORT_MAX_BYTES,
  maskIdNumber,
} from "@resettle/domain";
import { multipartFile, TINY_PNG } from "../../test/evidence.js";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import {
  householdRow as row,
  householdWorkbook as workbook,
  type WorkbookCell as Cell,
} from "../../test/household-workbook.js";
import { createTestApp } from "../../test/test-app.js";

// 导入回迁户台账 (issue 11): an .xlsx of households, imported all or nothing. Every row is checked
// before anything is written; a refusal lists every problem by row and column.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "leader", "coord-shuangtaizi", "coord-dawa"];
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

const HEADERS = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.header);
const readBook = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
};

const upload = (user: string, projectId: string, bytes: Buffer, { annotated = false, name = "台账.xlsx" } = {}) =>
  t.as(user)({
    method: "POST",
    url: `/api/projects/${projectId}/households/import${annotated ? "/annotated" : ""}`,
    ...multipartFile(name, bytes),
  });
const project = (id: string) => t.db.prisma.project.findUniqueOrThrow({ where: { id } });
const ledger = (projectId: string) =>
  t.db.prisma.progressReport.findMany({
    where: { projectId },
    orderBy: { reportedOn: "asc" },
    select: { reportedOn: true, households: true, note: true, reason: true, backdated: true },
  });
/** The refusal's problems as (row, column, reason). */
const problemsOf = (res: { json(): unknown }) =>
  ErrorResponseSchema.parse(res.json()).error.details!.map((d) => [d.row ?? null, d.column ?? null, d.reason]);

describe("GET /api/households/import-template", () => {
  it("is an .xlsx with the sheet 回迁户 (Chinese headers, ID numbers as text) and 说明; filled in, it imports", async () => {
    const res = await t.as("leader")({ url: "/api/households/import-template" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("回迁户台账导入模板")}`,
    );
    const book = await readBook(res.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(["回迁户", "说明"]);
    const sheet = book.getWorksheet("回迁户")!;
    expect((sheet.getRow(1).values as Cell[]).slice(1)).toEqual([
      "户主姓名",
      "身份证号",
      "联系电话",
      "原址",
      "安置面积（㎡）",
      "安置方式",
      "状态",
      "状态日期",
    ]);
    expect(sheet.getColumn(2).numFmt).toBe("@");
    expect(book.getWorksheet("说明")!.rowCount).toBeGreaterThan(HEADERS.length);

    sheet.addRow(row(fictionalIdNumber(1, "19620330")));
    sheet.addRow(row(fictionalIdNumber(2, "19620330"), { state: "已选房", on: new Date("2026-05-20T00:00:00Z") }));
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const imported = await upload("coord-shuangtaizi", ids.xuefuyuan, filled);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ created: 2 });
  });
});

describe("POST /api/projects/:id/households/import", () => {
  it("creates every household with its first event, puts the settled ones on the ledger by date, and audits the import once", async () => {
    const before = await project(ids.xuefuyuan);
    expect(before).toMatchObject({ registeredHouseholds: 0, movedBack: 0 });
    const idNumbers = Array.from({ length: 7 }, (_, i) => fictionalIdNumber(i + 1, "19700129"));
    const file = await workbook([
      row(idNumbers[0]!),
      row(idNumbers[1]!, { state: "待回迁", on: "2018-06-30", phone: null }),
      row(idNumbers[2]!, { state: "已选房", on: "2026-05-20", approach: "异地安置" }),
      row(idNumbers[3]!, { state: "已回迁", on: new Date("2020-12-30T00:00:00Z") }),
      row(idNumbers[4]!, { state: "已回迁", on: "2020-12-30" }),
      row(idNumbers[5]!, { state: "货币补偿", on: "2020/12/30", approach: "货币补偿" }),
      row(idNumbers[6]!, { state: "已回迁", on: "2026-11-20", area: "72.50" }),
    ]);
    const res = await upload("coord-shuangtaizi", ids.xuefuyuan, file, { name: "学府园二期台账.xlsx" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 7 });

    expect(await project(ids.xuefuyuan)).toMatchObject({ registeredHouseholds: 7, movedBack: 4 });
    expect(await ledger(ids.xuefuyuan)).toEqual([
      {
        reportedOn: new Date("2020-12-30"),
        households: 3,
        note: "导入：3 户",
        reason: "导入历史数据",
        backdated: true,
      },
      { reportedOn: new Date("2026-11-20"), households: 1, note: "导入：1 户", reason: null, backdated: false },
    ]);
    const households = await t.db.prisma.household.findMany({
      where: { projectId: ids.xuefuyuan },
      include: { events: true },
      orderBy: { idNumber: "asc" },
    });
    expect(households.map((h) => [h.idNumber, h.state, h.stateOn.toISOString().slice(0, 10)])).toEqual([
      [idNumbers[0], "waiting", "2026-11-25"],
      [idNumbers[1], "waiting", "2018-06-30"],
      [idNumbers[2], "allocated", "2026-05-20"],
      [idNumbers[3], "moved_back", "2020-12-30"],
      [idNumbers[4], "moved_back", "2020-12-30"],
      [idNumbers[5], "monetary", "2020-12-30"],
      [idNumbers[6], "moved_back", "2026-11-20"],
    ]);
    expect(households[6]!.areaM2.toNumber()).toBe(72.5);
    expect(households.map((h) => h.phone)).toEqual([...Array(7).keys()].map((i) => (i === 1 ? null : "13812345678")));
    expect(households[2]!.approach).toBe("off_site_relocation");
    for (const h of households)
      expect(h.events.map((e) => [e.fromState, e.toState, e.on.getTime(), e.reason])).toEqual([
        [null, h.state, h.stateOn.getTime(), "导入"],
      ]);

    const imports = await t.db.prisma.auditEvent.findMany({ where: { action: "import_households" } });
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ entityType: "project", entityId: ids.xuefuyuan, projectId: ids.xuefuyuan });
    expect(imports[0]!.after).toEqual({
      created: 7,
      settled: 4,
      fileName: "学府园二期台账.xlsx",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // No household has an audit row of its own; no row of the trail holds a full ID number.
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: "household" } })).toBe(0);
    const trail = JSON.stringify(
      await t.db.prisma.auditEvent.findMany({
        where: { projectId: ids.xuefuyuan },
        select: { before: true, after: true },
      }),
    );
    for (const idNumber of idNumbers) expect(trail).not.toContain(idNumber);
  });

  it("桃李源 (20 moved back from typed reports) starts its registry with exactly those 20: 19 is refused, 20 adds no entry", async () => {
    expect(await project(ids.taoliyuan)).toMatchObject({ totalHouseholds: 43, movedBack: 20, registeredHouseholds: 0 });
    const entries = await ledger(ids.taoliyuan);
    const file = (settled: number) =>
      workbook(
        Array.from({ length: 25 }, (_, i) =>
          row(fictionalIdNumber(i, "19580829"), i < settled ? { state: "已回迁", on: "2020-12-30" } : {}),
        ),
      );
    const before = await snapshot(t.db.prisma);
    const refused = await upload("coord-dawa", ids.taoliyuan, await file(19));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("IMPORT_REFUSED");
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({
        path: "body.file",
        column: "状态",
        reason: "registry_managed",
        params: { movedBack: 20, settled: 19 },
      }),
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const res = await upload("coord-dawa", ids.taoliyuan, await file(20));
    expect(res.statusCode, res.body).toBe(201);
    expect(await project(ids.taoliyuan)).toMatchObject({ movedBack: 20, registeredHouseholds: 25 });
    expect(await ledger(ids.taoliyuan)).toEqual(entries);

    // From then on the registry keeps the figure: a later import's settled households are entries.
    const later = await upload(
      "coord-dawa",
      ids.taoliyuan,
      await workbook([row(fictionalIdNumber(500, "19580829"), { state: "已回迁", on: "2026-11-24" })]),
    );
    expect(later.statusCode, later.body).toBe(201);
    expect(await project(ids.taoliyuan)).toMatchObject({ movedBack: 21, registeredHouseholds: 26 });
    expect((await ledger(ids.taoliyuan)).length).toBe(entries.length + 1);
  });

  it("refuses a file with bad rows as a whole, naming every row and column, and writes nothing", async () => {
    const taken = await t.db.prisma.household.findFirstOrThrow({
      where: { projectId: ids.guangsha },
      select: { idNumber: true },
    });
    const good = fictionalIdNumber(1, "19700129");
    const twice = fictionalIdNumber(2, "19700129");
    const valid = fictionalIdNumber(3, "19700129");
    const wrongDigit = valid.slice(0, 17) + (valid[17] === "1" ? "2" : "1");
    const file = await workbook([
      row(good), // 2
      row(wrongDigit), // 3
      row(twice), // 4
      row(taken.idNumber), // 5
      row(twice, { name: "司马测乙" }), // 6
      row(fictionalIdNumber(7, "19700129"), { state: "已回迁", on: "2026-02-30" }), // 7
      row(fictionalIdNumber(8, "19700129"), { state: "已回迁", on: "2026-12-01" }), // 8
      row(fictionalIdNumber(9, "19700129"), { on: "2017-06-30" }), // 9
      [null, fictionalIdNumber(10, "19700129"), null, "测试路", null, "原址回建", null, null], // 10
      row(fictionalIdNumber(11, "19700129"), { state: "已入住", approach: "回建" }), // 11
      row("", { area: 86.456 }), // 12
    ]);
    const before = await snapshot(t.db.prisma);
    const res = await upload("coord-shuangtaizi", ids.xuefuyuan, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("IMPORT_REFUSED");
    expect(problemsOf(res)).toEqual([
      [3, "身份证号", "id_number_invalid"],
      [4, "身份证号", "duplicate"],
      [5, "身份证号", "taken"],
      [6, "身份证号", "duplicate"],
      [7, "状态日期", "invalid_format"],
      [8, "状态日期", "date_in_future"],
      [9, "状态日期", "out_of_bounds"],
      [10, "户主姓名", "too_small"],
      [10, "安置面积（㎡）", "too_small"],
      [11, "安置方式", "invalid_value"],
      [11, "状态", "invalid_value"],
      [12, "身份证号", "too_small"],
      [12, "安置面积（㎡）", "invalid_format"],
    ]);
    const details = res.json().error.details;
    expect(details[0]).toMatchObject({ path: "body.file.rows.3.idNumber", params: { problem: "check_digit" } });
    expect(details[1]).toMatchObject({ params: { rows: "6" } });
    expect(details[3]).toMatchObject({ params: { rows: "4" } });
    expect(details[2]).toMatchObject({ params: { project: "广厦小区" } });
    expect(details[2].message).toContain(maskIdNumber(taken.idNumber));
    for (const idNumber of [taken.idNumber, twice, wrongDigit]) expect(res.body).not.toContain(idNumber);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses an ID number typed into a number cell (Excel kept 15 digits), a missing column, and an empty sheet", async () => {
    const numeric = await upload(
      "admin",
      ids.xuefuyuan,
      await workbook([
        row(fictionalIdNumber(1, "19700129")),
        [...row("x")].map((v, i) => (i === 1 ? 999999197001010000 : v)),
      ]),
    );
    expect(problemsOf(numeric)).toEqual([[3, "身份证号", "id_number_invalid"]]);
    const noArea = await upload(
      "admin",
      ids.xuefuyuan,
      await workbook(
        [row(fictionalIdNumber(1, "19700129")).filter((_, i) => i !== 4)],
        HEADERS.filter((h) => h !== "安置面积（㎡）"),
      ),
    );
    expect(problemsOf(noArea)).toEqual([[1, "安置面积（㎡）", "invalid_value"]]);
    const empty = await upload("admin", ids.xuefuyuan, await workbook([]));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ path: "body.file", reason: "too_small" })]);
    expect(await t.db.prisma.household.count({ where: { projectId: ids.xuefuyuan } })).toBe(0);
  });

  it("never takes a registry past the plan's total: 广厦小区 (411 of 411) refuses one more", async () => {
    const { totalHouseholds, registeredHouseholds } = await project(ids.guangsha);
    const before = await snapshot(t.db.prisma);
    const res = await upload(
      "coord-shuangtaizi",
      ids.guangsha,
      await workbook([row(fictionalIdNumber(1, "19901030"))]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        reason: "registry_full",
        params: { maximum: totalHouseholds, registered: registeredHouseholds, rows: 1 },
      }),
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("imports 5,000 households in one request", { timeout: 180_000 }, async () => {
    await t.db.prisma.project.update({ where: { id: ids.xuefuyuan }, data: { totalHouseholds: 6000 } });
    const births = ["19500130", "19550531", "19600629", "19650730", "19700831"];
    const dates = ["2019-06-30", "2020-12-30", "2026-11-20"];
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row(
        fictionalIdNumber(i % 1000, births[Math.floor(i / 1000)]),
        i % 4 === 0 ? { state: "已回迁", on: dates[i % 3]! } : {},
      ),
    );
    const res = await upload("coord-shuangtaizi", ids.xuefuyuan, await workbook(rows));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json()).toEqual({ created: 5000 });
    expect(await project(ids.xuefuyuan)).toMatchObject({ registeredHouseholds: 5000, movedBack: 1250 });
    expect(await t.db.prisma.household.count({ where: { projectId: ids.xuefuyuan } })).toBe(5000);
    expect(await t.db.prisma.householdEvent.count({ where: { household: { projectId: ids.xuefuyuan } } })).toBe(5000);
    expect((await ledger(ids.xuefuyuan)).map((e) => e.households)).toEqual([417, 417, 416]);
  });

  it("is for the project's registry keepers: another department's coordinator is 403, before the file is read", async () => {
    const before = await snapshot(t.db.prisma);
    for (const annotated of [false, true]) {
      const res = await upload("coord-dawa", ids.xuefuyuan, await workbook([row(fictionalIdNumber(1, "19700129"))]), {
        annotated,
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("takes .xlsx files only (415) up to 10 MB (413)", async () => {
    const before = await snapshot(t.db.prisma);
    const png = await upload("admin", ids.xuefuyuan, TINY_PNG, { name: "台账.png" });
    expect(png.statusCode).toBe(415);
    expect(png.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const zipNotBook = await upload("admin", ids.xuefuyuan, Buffer.from("PK\x03\x04 not a workbook", "latin1"));
    expect(zipNotBook.statusCode).toBe(415);
    const huge = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(HOUSEHOLD_IMPORT_MAX_BYTES)]);
    const tooLarge = await upload("admin", ids.xuefuyuan, huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("an ID number registered by a request racing the import: 409 on the unique index, nothing written", async () => {
    const contested = fictionalIdNumber(1, "19880829");
    const before = await project(ids.xuefuyuan);
    const entries = await ledger(ids.xuefuyuan);
    const holder = new pg.Client({ connectionString: t.db.url });
    const watcher = new pg.Client({ connectionString: t.db.url });
    await Promise.all([holder.connect(), watcher.connect()]);
    try {
      // Another transaction has inserted the number but not committed: the import's check cannot see it.
      await holder.query("BEGIN");
      await holder.query(
        `INSERT INTO "households" ("projectId", "headName", "idNumber", address, "areaM2", approach, "stateOn", "updatedAt")
         VALUES ($1, '并发测试', $2, '测试路', 60, 'on_site_rebuild', '2026-11-25', now())`,
        [ids.hongwei, contested],
      );
      const running = upload(
        "coord-shuangtaizi",
        ids.xuefuyuan,
        await workbook([row(fictionalIdNumber(2, "19880829"), { state: "已回迁", on: "2026-11-20" }), row(contested)]),
      );
      for (let waited = 0; ; waited += 20) {
        const { rows } = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n > 0) break;
        if (waited > 10_000) throw new Error("the import never waited on the unique index");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query("COMMIT");
      const res = await running;
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details[0]).toMatchObject({ reason: "taken" });
    } finally {
      await Promise.all([holder.end(), watcher.end()]);
    }
    expect(await project(ids.xuefuyuan)).toMatchObject({
      registeredHouseholds: before.registeredHouseholds,
      movedBack: before.movedBack,
    });
    expect(await t.db.prisma.household.count({ where: { projectId: ids.xuefuyuan } })).toBe(0);
    expect(await ledger(ids.xuefuyuan)).toEqual(entries);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "import_households" } })).toBe(0);
  });
});

describe("POST /api/projects/:id/households/import/annotated", () => {
  it("gives the file back with a column 错误 and the bad cells in red, writing nothing; corrected, it imports as it is", async () => {
    const wrong = `${fictionalIdNumber(2, "19700129").slice(0, 17)}${fictionalIdNumber(2, "19700129")[17] === "1" ? "2" : "1"}`;
    const file = await workbook([row(fictionalIdNumber(1, "19700129")), row(wrong, { on: "2026-12-01" })]);
    const before = await snapshot(t.db.prisma);
    const res = await upload("coord-shuangtaizi", ids.xuefuyuan, file, { annotated: true, name: "台账.xlsx" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-import-problems"]).toBe("2");
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("台账（已标注）.xlsx"));
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const book = await readBook(res.rawPayload);
    const sheet = book.getWorksheet("回迁户")!;
    expect(sheet.getCell(1, 9).value).toBe("错误");
    expect(sheet.getCell(2, 9).value).toBeNull();
    expect(String(sheet.getCell(3, 9).value)).toMatch(/校验位.*；状态日期不能晚于今天/);
    const red = (r: number, c: number) => (sheet.getCell(r, c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([red(3, 2), red(3, 8), red(3, 1), red(2, 2)]).toEqual(["FFFFC7CE", "FFFFC7CE", undefined, undefined]);

    sheet.getCell(3, 2).value = fictionalIdNumber(2, "19700129");
    sheet.getCell(3, 8).value = "2026-11-20";
    const corrected = Buffer.from(await book.xlsx.writeBuffer());
    const again = await upload("coord-shuangtaizi", ids.xuefuyuan, corrected, { annotated: true });
    expect(again.headers["x-import-problems"]).toBe("0");
    const imported = await upload("coord-shuangtaizi", ids.xuefuyuan, corrected);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ created: 2 });
  });
});
