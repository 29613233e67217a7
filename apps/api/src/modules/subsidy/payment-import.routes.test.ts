import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ArrearsReportSchema,
  ErrorResponseSchema,
  PAYMENT_IMPORT_COLUMNS,
  SubsidyImportResultSchema,
} from "@resettle/domain";
import { multipartFile } from "../../test/evidence.js";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

// 导入补助发放 (issue 11): a month's payments of a project from a workbook, all or nothing. The
// demo: 广厦小区, 800 yuan a household a month, 261 households not yet back; at the test clock
// (2026-11-25) September is open for all of them.

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "leader", "coord-shuangtaizi", "coord-zhujian"];
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

type Cell = string | number | Date | null;
const HEADERS = PAYMENT_IMPORT_COLUMNS.map((c) => c.header);

async function workbook(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("补助发放");
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const upload = (user: string, bytes: Buffer, projectId = ids.guangsha) =>
  t.as(user)({
    method: "POST",
    url: `/api/projects/${projectId}/subsidy/payments/import`,
    ...multipartFile("发放.xlsx", bytes),
  });
const problemsOf = (res: { json(): unknown }) =>
  ErrorResponseSchema.parse(res.json()).error.details!.map((d) => [d.row ?? null, d.column ?? null, d.reason]);
const owed = async () =>
  ArrearsReportSchema.parse((await t.as("leader")({ url: `/api/subsidy/arrears?projectId=${ids.guangsha}` })).json())
    .total;

/** 广厦小区's households not yet back, as the finance office's list names them. */
const waiting = () =>
  t.db.prisma.household.findMany({
    where: { projectId: ids.guangsha, state: { notIn: ["moved_back", "monetary"] } },
    orderBy: { idNumber: "asc" },
    select: { idNumber: true, headName: true },
  });

describe("POST /api/projects/:id/subsidy/payments/import", () => {
  it("pays September for all 261 households in one file: arrears fall by as much, one audit row", async () => {
    const households = await waiting();
    expect(households).toHaveLength(261);
    const before = await owed();
    const rows = households.map((h, i): Cell[] => [
      h.idNumber,
      h.headName,
      "2026-09",
      i % 2 ? 800 : "800.00",
      new Date("2026-11-20T00:00:00Z"),
      "CZ-202611-09",
    ]);
    const res = await upload("coord-shuangtaizi", await workbook(rows));
    expect(res.statusCode, res.body).toBe(201);
    expect(SubsidyImportResultSchema.parse(res.json())).toEqual({ created: 261, amountFen: 261 * 80_000 });
    const after = await owed();
    expect(after.amountOwed).toBe(before.amountOwed - 261 * 80_000);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: "import_payments" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(households[0]!.idNumber);
  });

  it("refuses the whole file with every problem by row and column, writing nothing", async () => {
    const [a, b, c] = await waiting();
    const before = await snapshot(t.db.prisma);
    const rows: Cell[][] = [
      [a!.idNumber, a!.headName, "2026-09", 800, "2026-11-20", "CZ-1"], // row 2: fine on its own
      [a!.idNumber, null, "2026/9", 800, "2026-11-20", "CZ-1"], // row 3: the same household and month
      [b!.idNumber, null, "2026-09", "800.505", "2026-11-20", "CZ-1"], // row 4: a third decimal
      [b!.idNumber, null, "2026-10", 900, "2026-11-20", "CZ-1"], // row 5: more than is open
      [c!.idNumber, null, "2024-12", 800, "2026-11-20", "CZ-1"], // row 6: before the standard
      [c!.idNumber, null, "2026-10", 800, "2026-11-26", "CZ 1"], // row 7: tomorrow; a space in the voucher
      ["999999199001011234", null, "2026-10", 800, "2026-11-20", "CZ-1"], // row 8: not this project's
      [c!.idNumber, "别人", "2026-09", 800, "2026-11-20", "CZ-1"], // row 9: another name
    ];
    const res = await upload("coord-shuangtaizi", await workbook(rows));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe("IMPORT_REFUSED");
    expect(problemsOf(res)).toEqual([
      [3, "补助月份", "duplicate"],
      [4, "金额（元）", "invalid_format"],
      [5, "金额（元）", "overpaid"],
      [6, "补助月份", "not_due"],
      [7, "发放日期", "date_in_future"],
      [7, "凭证号", "invalid_format"],
      [8, "身份证号", "unknown_reference"],
      [9, "户主姓名", "invalid_value"],
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("names a missing column; refuses a file that is not .xlsx", async () => {
    const res = await upload(
      "admin",
      await workbook(
        [["x"]],
        HEADERS.filter((h) => h !== "凭证号"),
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ reason: "invalid_format", params: { column: "凭证号" } });
    expect((await upload("admin", Buffer.from("身份证号,金额\n"))).statusCode).toBe(415);
  });

  it("is for the project's registry keepers and the office: 403 before the file is read", async () => {
    const [a] = await waiting();
    const file = await workbook([[a!.idNumber, null, "2026-09", 800, "2026-11-20", "CZ-1"]]);
    for (const user of ["coord-zhujian", "leader"]) expect((await upload(user, file)).statusCode, user).toBe(403);
    expect((await upload("admin", file)).statusCode).toBe(201);
    // The same file again: September is paid now.
    const again = await upload("admin", file);
    expect(problemsOf(again)).toEqual([[2, "金额（元）", "overpaid"]]);
  });
});

describe("POST /api/projects/:id/subsidy/payments/import/annotated", () => {
  it("gives the file back with a column 错误 and the bad cells in red, writing nothing; corrected, it imports as it is", async () => {
    const [a, b, c] = await waiting();
    const file = await workbook([
      [a!.idNumber, a!.headName, "2026-09", 800, "2026-11-20", "CZ-1"],
      [b!.idNumber, null, "2026-09", 900, "2026-11-20", "CZ-2"], // more than is open
      [c!.idNumber, null, "2026-09", 800, "2026-11-26", "CZ-3"], // paid tomorrow
    ]);
    const before = await snapshot(t.db.prisma);
    const res = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/projects/${ids.guangsha}/subsidy/payments/import/annotated`,
      ...multipartFile("九月发放.xlsx", file),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["x-import-problems"]).toBe("2");
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("九月发放（已标注）.xlsx"));
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("补助发放")!;
    const errorColumn = PAYMENT_IMPORT_COLUMNS.length + 1;
    expect(sheet.getCell(1, errorColumn).value).toBe("错误");
    expect(sheet.getCell(2, errorColumn).value).toBeNull();
    expect(String(sheet.getCell(3, errorColumn).value)).not.toBe("");
    expect(String(sheet.getCell(4, errorColumn).value)).not.toBe("");
    const red = (r: number, c: number) => (sheet.getCell(r, c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([red(3, 4), red(4, 5), red(2, 4), red(3, 5)]).toEqual(["FFFFC7CE", "FFFFC7CE", undefined, undefined]);
    expect(
      (
        await t.as("coord-zhujian")({
          method: "POST",
          url: `/api/projects/${ids.guangsha}/subsidy/payments/import/annotated`,
          ...multipartFile("九月发放.xlsx", file),
        })
      ).statusCode,
    ).toBe(403);

    sheet.getCell(3, 4).value = 800;
    sheet.getCell(4, 5).value = "2026-11-20";
    const corrected = Buffer.from(await book.xlsx.writeBuffer());
    const imported = await upload("coord-shuangtaizi", corrected);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ created: 3 });
  });
});

describe("GET /api/subsidy/payments-import-template", () => {
  it("is an .xlsx with the sheet 补助发放 and its headers; filled in, it imports", async () => {
    const res = await t.as("leader")({ url: "/api/subsidy/payments-import-template" });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("补助发放")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const [a] = await waiting();
    sheet.addRow([a!.idNumber, a!.headName, "2026-10", 800, new Date("2026-11-24T00:00:00Z"), "CZ-2026-1"]);
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    expect((await upload("coord-shuangtaizi", filled)).statusCode).toBe(201);
  });
});
