import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "@resettle/domain";
import { EXPORT_MAX_ROWS } from "./lib/list-export.js";
import { createTestApp } from "./test/test-app.js";

// Every list exports to .xlsx (issue 12): the list's filters and order, its columns with Chinese
// headers; the workbook opens with exceljs and its rows are the list's rows, all pages of them.

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "leader", "wg", "coord-zhujian"]) await t.as(user)({ url: "/api/auth/me" });
});
afterAll(() => t.close());

/** Every row of a list, page by page, as the web would read them. */
async function allRows(url: string, user: string) {
  const rows: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const res = await t.as(user)({ url: `${url}${url.includes("?") ? "&" : "?"}page=${page}&pageSize=7` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Record<string, unknown>[]; total: number };
    rows.push(...body.items);
    if (rows.length >= body.total) return rows;
  }
}

async function workbook(url: string, user: string) {
  const res = await t.as(user)({ url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  return {
    name: decodeURIComponent(String(res.headers["content-disposition"]).split("''")[1] ?? ""),
    headers: values(1),
    body: Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)),
  };
}

const cases: {
  list: string;
  user: string;
  file: string;
  headers: string[];
  /** The column that names each row, and the field of the list's item it comes from. */
  column: number;
  field: (item: Record<string, unknown>) => unknown;
}[] = [
  {
    list: "/api/projects?sort=movedBack&order=desc",
    user: "leader",
    file: "项目台账.xlsx",
    headers: [
      "序号",
      "项目名称",
      "所属县区",
      "总户数",
      "已回迁户数",
      "推进状态",
      "项目状态",
      "问题类型",
      "责任单位",
      "责任人",
    ],
    column: 1,
    field: (p) => p.name,
  },
  {
    list: "/api/overdue-work",
    user: "coord-zhujian",
    file: "全市逾期待办.xlsx",
    headers: ["逾期天数", "类型", "事项", "所属项目", "所属县区", "责任单位", "责任人", "到期日", "状态"],
    column: 2,
    field: (e) => e.title,
  },
  {
    list: "/api/utility-tickets",
    user: "leader",
    file: "水电暖问题.xlsx",
    headers: [
      "类型",
      "所属项目",
      "住户",
      "问题描述",
      "来源",
      "反映时间",
      "办理时限",
      "是否超时",
      "责任单位",
      "状态",
      "解决时间",
    ],
    column: 3,
    field: (k) => k.description,
  },
  {
    list: "/api/supervision-notices",
    user: "leader",
    file: "督办单.xlsx",
    headers: [
      "编号",
      "等级",
      "督办事项",
      "承办单位",
      "督办要求",
      "交办时间",
      "反馈时限",
      "状态",
      "是否逾期",
      "已办天数",
    ],
    column: 0,
    field: (n) => n.number,
  },
  {
    list: "/api/problem-queue",
    user: "wg",
    file: "问题项目研判队列.xlsx",
    headers: [
      "项目",
      "所属县区",
      "联合工作组",
      "项目状态",
      "列入原因",
      "上次研判",
      "下次研判",
      "研判逾期天数",
      "未完成后续工作",
      "逾期后续工作",
    ],
    column: 0,
    field: (e) => e.projectName,
  },
  {
    list: "/api/reviews",
    user: "leader",
    file: "研判会记录.xlsx",
    headers: ["研判日期", "联合工作组", "研判项目", "后续工作", "会签"],
    column: 0,
    field: (r) => r.heldOn,
  },
  {
    list: "/api/audit-events",
    user: "admin",
    file: "操作日志.xlsx",
    headers: ["时间", "操作人", "操作", "对象类型", "对象", "变更前", "变更后", "请求编号"],
    column: 2,
    field: (e) => e.action,
  },
];

describe("GET …/export", () => {
  for (const c of cases)
    it(`${c.list.split("?")[0]}: the list's rows, in its order, all pages, Chinese headers`, async () => {
      const [path, query] = c.list.split("?");
      const rows = await allRows(c.list, c.user);
      expect(rows.length).toBeGreaterThan(0);
      const book = await workbook(`${path}/export${query ? `?${query}` : ""}`, c.user);
      expect(book.name).toBe(c.file);
      expect(book.headers).toEqual(c.headers);
      expect(book.body.map((r) => r[c.column])).toEqual(rows.map(c.field));
    });

  it("keeps the list's filters", async () => {
    const dawa = await t.db.prisma.district.findFirstOrThrow({ where: { name: "大洼区" } });
    const filter = `districtId=${dawa.id}`;
    const rows = await allRows(`/api/projects?${filter}`, "leader");
    const book = await workbook(`/api/projects/export?${filter}`, "leader");
    expect(book.body.map((r) => r[1])).toEqual(rows.map((p) => p.name));
    expect(new Set(book.body.map((r) => r[2]))).toEqual(new Set(["大洼区"]));
    // Enums in words, not codes.
    expect(book.body.every((r) => ["正常", "预警", "严重"].includes(String(r[6])))).toBe(true);
  });

  it("asks what the list asks: the audit trail's export is the auditors' only", async () => {
    expect((await t.as("coord-zhujian")({ url: "/api/audit-events/export" })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/projects/export" })).statusCode).toBe(401);
    // A bad filter is the list's 400, field by field.
    const bad = await t.as("leader")({ url: "/api/projects/export?districtId=nope" });
    expect(bad.statusCode).toBe(400);
    expect(ErrorResponseSchema.parse(bad.json()).error.details?.[0]?.path).toBe("querystring.districtId");
  });

  it(`refuses more than ${EXPORT_MAX_ROWS} rows rather than cutting the list short`, async () => {
    await t.db.prisma.$executeRaw`
      INSERT INTO audit_events ("actorName", action, "entityType", "entityId")
      SELECT '批量', 'bulk_test', 'project', g::text FROM generate_series(1, ${EXPORT_MAX_ROWS + 1}) g`;
    const res = await t.as("admin")({ url: "/api/audit-events/export?action=bulk_test" });
    expect(res.statusCode).toBe(400);
    expect(ErrorResponseSchema.parse(res.json()).error.details?.[0]).toMatchObject({
      path: "querystring",
      params: { maximum: EXPORT_MAX_ROWS },
    });
  });
});
