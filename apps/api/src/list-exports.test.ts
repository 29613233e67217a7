import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "@resettle/domain";
import { EXPORT_MAX_ROWS } from "./lib/list-export.js";
import { createTestApp } from "./test/test-app.js";

// Every list exports to .xlsx (issue 12): the list's filters and order, its columns with Chinese
// headers; the workbook opens with exceljs and its rows are the list's rows, all pages of them.

let t: Awaited<ReturnType<typeof createTestApp>>;
/** Seeded records the lists below are read for. */
const seeded = { guangsha: "", xiangyang: "", shuangtaizi: "" };
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "leader", "wg", "coord-zhujian"]) await t.as(user)({ url: "/api/auth/me" });
  // Notifications to list: the alert rules run once.
  expect((await t.as("admin")({ method: "POST", url: "/api/alerts/run" })).statusCode).toBe(200);
  const project = async (code: string) => (await t.db.prisma.project.findUniqueOrThrow({ where: { code } })).id;
  seeded.guangsha = await project("guangsha");
  seeded.xiangyang = await project("xiangyang");
  seeded.shuangtaizi = (await t.db.prisma.district.findFirstOrThrow({ where: { name: "双台子区" } })).id;
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
  /** `:name` stands for a seeded id (`seeded.name`). */
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
      "配合单位",
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
  {
    list: "/api/common-problems",
    user: "leader",
    file: "共性问题.xlsx",
    headers: ["问题", "所属区", "责任部门", "办理状态", "受阻原因", "涉及项目", "已回迁户数", "总户数", "合计回迁进度"],
    column: 0,
    field: (p) => p.title,
  },
  {
    list: "/api/users?sort=lastLoginAt&order=desc",
    user: "admin",
    file: "用户账号.xlsx",
    headers: ["用户名", "姓名", "角色", "所属部门", "对应人员", "状态", "最近登录"],
    column: 0,
    field: (u) => u.username,
  },
  {
    list: "/api/persons?sort=name&order=desc",
    user: "admin",
    file: "人员.xlsx",
    headers: ["姓名", "职务", "所属部门", "联系电话", "状态"],
    column: 0,
    field: (p) => p.name,
  },
  {
    list: "/api/notifications",
    user: "coord-zhujian",
    file: "通知.xlsx",
    headers: ["时间", "预警类别", "内容", "状态", "已读时间"],
    column: 2,
    field: (n) => n.title,
  },
  {
    list: "/api/scorecards/records?period=2026&kind=district&id=:shuangtaizi&part=tickets",
    user: "leader",
    file: "双台子区水电暖办结明细（2026年度）.xlsx",
    headers: ["事项", "类型", "所属项目", "到期日", "完成日", "逾期天数"],
    column: 0,
    field: (r) => r.label,
  },
  {
    list: "/api/projects/:guangsha/subsidy/households?owing=true",
    user: "coord-zhujian",
    file: "广厦小区各户补助发放情况（欠发户）.xlsx",
    headers: [
      "户主",
      "身份证号",
      "状态",
      "应发月数",
      "应发（元）",
      "已发（元）",
      "欠发（元）",
      "最早欠发月份",
      "90 天以上（元）",
    ],
    column: 1,
    field: (h) => h.idNumberMasked,
  },
  {
    list: "/api/projects/:xiangyang/progress-reports",
    user: "wg",
    file: "向阳小区回迁进度台账.xlsx",
    headers: ["日期", "户数", "类别", "说明", "原因", "上报人"],
    column: 1,
    field: (r) => r.households,
  },
];

describe("GET …/export", () => {
  for (const c of cases)
    it(`${c.list.split("?")[0]}: the list's rows, in its order, all pages, Chinese headers`, async () => {
      const list = c.list.replace(/:(\w+)/g, (_, name: keyof typeof seeded) => seeded[name]);
      const [path, query] = list.split("?");
      const rows = await allRows(list, c.user);
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

describe("GET …/export of the lists not paged, and what the new exports guard", () => {
  it("/api/departments/export: every department, in the page's order, kinds in words", async () => {
    const res = await t.as("admin")({ url: "/api/departments" });
    const departments = res.json() as { name: string; kind: string }[];
    const book = await workbook("/api/departments/export", "admin");
    expect(book.name).toBe("部门.xlsx");
    expect(book.headers).toEqual(["代码", "名称", "简称", "类别", "所属区"]);
    expect(book.body.map((r) => r[1])).toEqual(departments.map((d) => d.name));
    expect(new Set(book.body.map((r) => r[3]))).toEqual(new Set(["领导小组办公室", "区政府", "市直部门"]));
    // The page's filter, its kind.
    const governments = await workbook("/api/departments/export?kind=district_government", "admin");
    expect(governments.body.map((r) => r[1])).toEqual(
      departments.filter((d) => d.kind === "district_government").map((d) => d.name),
    );
  });

  it("/api/subsidy/arrears/export: a row per project the report lists, in its order, money in yuan", async () => {
    for (const query of ["", `?districtId=${seeded.shuangtaizi}`]) {
      const report = (await t.as("leader")({ url: `/api/subsidy/arrears${query}` })).json() as {
        projects: { projectName: string; amountOwed: number; households: number }[];
      };
      expect(report.projects.length).toBeGreaterThan(0);
      const book = await workbook(`/api/subsidy/arrears/export${query}`, "leader");
      expect(book.name).toBe("临时安置补助费欠发明细.xlsx");
      expect(book.body.map((r) => r[0])).toEqual(report.projects.map((p) => p.projectName));
      expect(book.body.map((r) => [r[2], r[3]])).toEqual(
        report.projects.map((p) => [p.households, p.amountOwed / 100]),
      );
    }
  });

  it("masks every ID number in the subsidy accounts, as the list does", async () => {
    const full = await t.db.prisma.household.findMany({
      where: { projectId: seeded.guangsha },
      select: { idNumber: true },
    });
    const book = await workbook(`/api/projects/${seeded.guangsha}/subsidy/households/export`, "leader");
    expect(book.body.length).toBe(full.length);
    for (const row of book.body) expect(String(row[1])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const text = JSON.stringify(book.body);
    for (const { idNumber } of full) expect(text).not.toContain(idNumber);
  });

  it("masks the persons' phones, which the office's page shows in full", async () => {
    const phones = (await t.db.prisma.person.findMany({ select: { phone: true } }))
      .map((p) => p.phone)
      .filter((phone): phone is string => !!phone);
    expect(phones.length).toBeGreaterThan(0);
    const book = await workbook("/api/persons/export", "admin");
    for (const row of book.body) if (row[3]) expect(String(row[3])).toMatch(/\*{4}\d{4}$/);
    const text = JSON.stringify(book.body);
    for (const phone of phones) expect(text).not.toContain(phone);
  });

  it("keeps the filters: accounts by role, notifications unread, accounts owed", async () => {
    const coordinators = await workbook("/api/users/export?role=coordinator", "admin");
    expect(coordinators.body.length).toBeGreaterThan(0);
    expect(new Set(coordinators.body.map((r) => r[2]))).toEqual(new Set(["部门联络员"]));
    const unread = await workbook("/api/notifications/export?unread=true", "coord-zhujian");
    expect(unread.body.map((r) => r[2])).toEqual(
      (await allRows("/api/notifications?unread=true", "coord-zhujian")).map((n) => n.title),
    );
    expect(new Set(unread.body.map((r) => r[3]))).toEqual(new Set(["未读"]));
  });

  it("lists one's own notifications only, and reads none of them", async () => {
    const mine = await workbook("/api/notifications/export", "coord-zhujian");
    const theirs = await workbook("/api/notifications/export", "leader");
    const own = await t.db.prisma.notification.count({ where: { user: { username: "coord-zhujian" } } });
    expect(mine.body.length).toBe(own);
    expect(mine.body).not.toEqual(theirs.body);
    expect(
      await t.db.prisma.notification.count({ where: { user: { username: "coord-zhujian" }, readAt: { not: null } } }),
    ).toBe(mine.body.filter((r) => r[3] === "已读").length);
  });

  it("asks what the office's pages ask: accounts, departments and persons are the office's; a project not found is 404", async () => {
    for (const url of ["/api/users/export", "/api/departments/export", "/api/persons/export"])
      for (const user of ["coord-zhujian", "wg", "leader"])
        expect((await t.as(user)({ url })).statusCode, `${url} as ${user}`).toBe(403);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await t.as("leader")({ url: `/api/projects/${missing}/progress-reports/export` })).statusCode).toBe(404);
    const bad = await t.as("leader")({
      url: "/api/scorecards/records/export?period=2026-Q4&kind=department&part=onTime",
    });
    expect(bad.statusCode).toBe(400);
    expect(ErrorResponseSchema.parse(bad.json()).error.details?.[0]?.path).toBe("querystring.id");
  });

  // Last: it leaves more than the limit of departments behind.
  it(`refuses a list not paged of more than ${EXPORT_MAX_ROWS} rows too`, async () => {
    await t.db.prisma.department.createMany({
      data: Array.from({ length: EXPORT_MAX_ROWS + 1 }, (_, i) => ({
        code: `bulk-${i}`,
        name: `批量部门 ${i}`,
        shortName: `批量${i}`,
        kind: "municipal_department" as const,
      })),
    });
    const res = await t.as("admin")({ url: "/api/departments/export" });
    expect(res.statusCode).toBe(400);
    expect(ErrorResponseSchema.parse(res.json()).error.details?.[0]).toMatchObject({
      path: "querystring",
      reason: "too_big",
      params: { maximum: EXPORT_MAX_ROWS },
    });
  });
});
