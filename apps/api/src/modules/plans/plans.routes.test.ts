import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ErrorResponseSchema, PlanImportResultSchema } from "@resettle/domain";
import { readPlanFile } from "@resettle/prisma/seed";
import { multipartFile } from "../../test/evidence.js";
import { createTestApp } from "../../test/test-app.js";

// 工作方案导入 (issue 12): the next city starts from a workbook, checked exactly as the Panjin plan
// is — every problem listed with its sheet, row and column, nothing loaded until it is clean.

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
  for (const user of ["admin", "leader", "coord-zhujian"]) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function template() {
  const res = await t.as("admin")({ url: "/api/plans/template" });
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}
const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const send = async (book: ExcelJS.Workbook, query = "") =>
  t.as("admin")({
    method: "POST",
    url: `/api/plans/import${query}`,
    ...multipartFile("方案.xlsx", await bytes(book), { contentType: XLSX }),
  });
/** The row of a sheet whose first cell is `key`. */
const rowOf = (book: ExcelJS.Workbook, sheet: string, key: string) => {
  let found: ExcelJS.Row | undefined;
  book.getWorksheet(sheet)!.eachRow((r) => {
    if (r.getCell(1).value === key) found = r;
  });
  return found!;
};

describe("POST /api/plans/import", () => {
  it("reads the template (the Panjin plan) back as it is: a dry run checks and loads nothing", async () => {
    const before = await t.db.prisma.auditEvent.count();
    const res = await send(await template(), "?dryRun=true");
    expect(res.statusCode, res.body).toBe(200);
    expect(PlanImportResultSchema.parse(res.json())).toEqual({
      code: "panjin",
      title: "盘锦市国有土地上房屋征收超期未回迁问题解决工作方案",
      years: [2018, 2019, 2020],
      districts: 2,
      departments: (await readPlanFile()).departments.length,
      projects: 8,
      households: 4722,
      loaded: false,
    });
    expect(await t.db.prisma.auditEvent.count()).toBe(before);
  });

  it("lists every problem with its sheet, row and column, and loads nothing", async () => {
    const book = await template();
    // A word, a number and a figure that does not add up.
    rowOf(book, "部门", "fagai").getCell(4).value = "省直部门";
    rowOf(book, "项目", "xiangyang").getCell(4).value = "三百";
    book.removeWorksheet(book.getWorksheet("底线")!.id);
    const res = await send(book);
    expect(res.statusCode).toBe(422);
    const { error } = ErrorResponseSchema.parse(res.json());
    expect(error.code).toBe("IMPORT_REFUSED");
    expect(error.details!.map((d) => [d.row ?? null, d.column ?? null, d.reason])).toEqual(
      expect.arrayContaining([
        [null, null, "plan_problem"],
        [rowOf(book, "部门", "fagai").number, "部门·类型", "plan_problem"],
        [rowOf(book, "项目", "xiangyang").number, "项目·总户数", "plan_problem"],
      ]),
    );
    expect(error.details!.map((d) => d.params?.text)).toEqual(
      expect.arrayContaining([
        "底线：缺少该工作表",
        expect.stringMatching(/^部门 第 \d+ 行「类型」：“省直部门”不在可选范围内/),
        expect.stringMatching(/^项目 第 \d+ 行「总户数」：“三百”不是数字$/),
      ]),
    );

    // Well-formed but not adding up: the plan's own check, put back on its sheet and row.
    const sums = await template();
    const xiangyang = rowOf(sums, "项目", "xiangyang");
    xiangyang.getCell(4).value = Number(xiangyang.getCell(4).value) + 1;
    const refused = ErrorResponseSchema.parse((await send(sums)).json()).error.details!.map((d) => d.params?.text);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^方案「总户数」：各项目户数合计 4,723 户，与计划总户数 4,722 户不符$/),
        expect.stringMatching(/^县区 第 \d+ 行：双台子区 计划列/),
      ]),
    );
    expect(await t.db.prisma.plan.count()).toBe(1);
  });

  it("loads a new city's plan, audited, in one transaction", async () => {
    const book = await template();
    rowOf(book, "方案", "方案代码").getCell(2).value = "anshan";
    rowOf(book, "方案", "方案名称").getCell(2).value = "鞍山市回迁难问题解决工作方案（测试）";
    // Renamed codes throughout, so nothing of Panjin's is touched.
    for (const name of ["县区", "部门", "项目"])
      book.getWorksheet(name)!.eachRow((r, n) => {
        if (n === 1) return;
        r.getCell(1).value = `as-${String(r.getCell(1).value)}`;
        if (name === "部门" && r.getCell(5).value) r.getCell(5).value = `as-${String(r.getCell(5).value)}`;
        if (name === "项目") {
          r.getCell(3).value = `as-${String(r.getCell(3).value)}`;
          if (r.getCell(6).value) r.getCell(6).value = `as-${String(r.getCell(6).value)}`;
        }
      });
    const res = await send(book);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: "anshan", projects: 8, loaded: true });
    const plan = await t.db.prisma.plan.findUniqueOrThrow({ where: { code: "anshan" } });
    expect(await t.db.prisma.project.count({ where: { code: { startsWith: "as-" } } })).toBe(8);
    expect(
      await t.db.prisma.auditEvent.count({ where: { entityType: "plan", entityId: plan.id, action: "import" } }),
    ).toBe(1);
  });

  it("is the office's: others 403; a file that is no workbook is refused", async () => {
    for (const user of ["leader", "coord-zhujian"]) {
      expect((await t.as(user)({ url: "/api/plans/template" })).statusCode, user).toBe(403);
      const res = await t.as(user)({
        method: "POST",
        url: "/api/plans/import",
        ...multipartFile("方案.xlsx", Buffer.from("x"), { contentType: XLSX }),
      });
      expect(res.statusCode, user).toBe(403);
    }
    const junk = await t.as("admin")({
      method: "POST",
      url: "/api/plans/import",
      ...multipartFile("方案.xlsx", Buffer.from("not a workbook"), { contentType: XLSX }),
    });
    expect(junk.statusCode).toBe(422);
    expect(ErrorResponseSchema.parse(junk.json()).error.details![0]).toMatchObject({ reason: "invalid_format" });
  });
});
