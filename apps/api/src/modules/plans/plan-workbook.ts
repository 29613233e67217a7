import ExcelJS from "exceljs";
import {
  APPROACH_WORDS,
  checkPlan,
  PlanSchema,
  type DepartmentKind,
  type FieldIssue,
  type Plan,
  type ResettlementApproach,
} from "@resettle/domain";

// 工作方案导入: a city's plan as a workbook (方案, 县区, 底线, 部门, 项目), read into the same plan
// shape the Panjin plan is loaded from and checked by the same rules (PlanSchema, checkPlan).
// Every problem is listed with its sheet, row and column; nothing is loaded until there is none.

const KIND_WORDS: Record<DepartmentKind, string> = {
  leading_group_office: "领导小组办公室",
  district_government: "区县政府",
  municipal_department: "市直部门",
};

type Cell = string | number | null;
/** A problem in the workbook: where (sheet, row as the spreadsheet numbers it, column) and what. */
export type PlanIssue = FieldIssue;

const SHEETS = {
  plan: { name: "方案", columns: ["项目", "内容"] },
  districts: { name: "县区", columns: ["县区代码", "县区名称", "项目数", "户数"] },
  floors: { name: "底线", columns: ["年度", "累计底线（%）"] },
  departments: { name: "部门", columns: ["部门代码", "部门名称", "简称", "类型", "所属县区代码"] },
  projects: { name: "项目", columns: ["项目代码", "项目名称", "县区代码", "总户数", "安置方式", "责任部门代码"] },
} as const;
/** The 方案 sheet's rows by the plan's field names, for problems the plan's check finds there. */
const PLAN_FIELD_WORDS: Record<string, string> = {
  title: "方案名称",
  source: "依据文件",
  years: "计划年度",
  totalHouseholds: "总户数",
};
const PLAN_ROWS = ["方案代码", "方案名称", "依据文件", "计划年度", "总户数"] as const;

/** The template: the sheets and their headers, filled with a plan as the example (the one loaded). */
export async function buildPlanWorkbook(plan: Plan, code: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "回迁难问题督办平台";
  const notes = book.addWorksheet("说明");
  notes.columns = [{ width: 100 }];
  for (const line of [
    "工作方案导入模板：按各工作表填写后上传；全部校验通过才会导入，有任何问题则一项也不导入，并逐条列出问题所在的工作表、行和列。",
    "方案：方案代码（同一代码再次导入即为修订）、方案名称、依据文件、计划年度（以逗号分隔，如 2018,2019,2020）、总户数。",
    "县区：方案所列各县区的项目数和户数（与项目表核对）。底线：各年度末累计完成比例的底线（%）。",
    `部门：类型填 ${Object.values(KIND_WORDS).join(" / ")}；区县政府须填所属县区代码。`,
    `项目：安置方式填 ${Object.values(APPROACH_WORDS).join(" / ")}（可空）；责任部门代码可空（空则为所在县区政府）；各年度任务户数填在“某年任务户数”列。`,
    "代码只用小写字母、数字和连字符，如 shuangtaizi、xiangyang。本模板已按当前方案填好，可作为样例。",
  ])
    notes.addRow([line]);
  const sheet = (key: keyof typeof SHEETS, extra: string[] = []) => {
    const s = book.addWorksheet(SHEETS[key].name, { views: [{ state: "frozen", ySplit: 1 }] });
    s.columns = [...SHEETS[key].columns, ...extra].map((header) => ({ header, width: 18 }));
    s.getRow(1).font = { bold: true };
    return s;
  };
  const planSheet = sheet("plan");
  planSheet.getColumn(2).width = 60;
  planSheet.addRows([
    ["方案代码", code],
    ["方案名称", plan.title],
    ["依据文件", plan.source ?? ""],
    ["计划年度", plan.years.join(",")],
    ["总户数", plan.totalHouseholds],
  ]);
  sheet("districts").addRows(plan.districts.map((d) => [d.code, d.name, d.projects, d.households]));
  sheet("floors").addRows(plan.floors.map((f) => [f.year, f.minCumulativePercent]));
  sheet("departments").addRows(
    plan.departments.map((d) => [d.code, d.name, d.shortName, KIND_WORDS[d.kind], d.district ?? ""]),
  );
  const years = plan.years;
  sheet(
    "projects",
    years.map((y) => `${y}年任务户数`),
  ).addRows(
    plan.projects.map((p) => [
      p.code,
      p.name,
      p.district,
      p.totalHouseholds,
      p.approach ? APPROACH_WORDS[p.approach] : "",
      p.responsibleDepartment ?? "",
      ...years.map((y) => p.quotas.find((q) => q.year === y)?.households ?? ""),
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && value !== null && "richText" in value)
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  if (typeof value === "object" && value !== null && "result" in value)
    return text((value as { result: unknown }).result);
  const s = String(value).trim();
  return s === "" ? null : s;
};

/**
 * Reads the workbook into the plan's shape and checks it: the plan when clean, else every
 * problem with its sheet, row and column (a missing sheet, a cell that is not a number, a word
 * not in the list, and every rule of the plan's check).
 */
export async function readPlanWorkbook(
  bytes: Buffer,
): Promise<{ plan: Plan | null; code: string | null; problems: PlanIssue[] }> {
  const problems: PlanIssue[] = [];
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      plan: null,
      code: null,
      problems: [{ path: "body.file", reason: "invalid_format", message: "not an .xlsx workbook" }],
    };
  }
  const problem = (sheet: string, row: number | undefined, column: string | undefined, message: string) =>
    problems.push({
      path: "body.file",
      reason: "plan_problem",
      params: { text: `${sheet}${row ? ` 第 ${row} 行` : ""}${column ? `「${column}」` : ""}：${message}` },
      message,
      ...(row ? { row } : {}),
      ...(column ? { column: `${sheet}·${column}` } : {}),
    });

  /** A sheet's rows as header → cell, with the spreadsheet's row numbers; blank rows skipped. */
  const rowsOf = (key: keyof typeof SHEETS) => {
    const { name, columns } = SHEETS[key];
    const ws = book.getWorksheet(name);
    if (!ws) {
      problem(name, undefined, undefined, "缺少该工作表");
      return { headers: [] as string[], rows: [] as { row: number; cells: Map<string, Cell> }[] };
    }
    const headers = ((ws.getRow(1).values as unknown[]) ?? []).slice(1).map((v) => text(v) ?? "");
    for (const c of columns) if (!headers.includes(c)) problem(name, 1, c, "缺少该列");
    const rows: { row: number; cells: Map<string, Cell> }[] = [];
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const cells = new Map<string, Cell>();
      headers.forEach((h, i) => {
        const v = r.getCell(i + 1).value as unknown;
        const t = text(v);
        cells.set(h, typeof v === "number" ? v : t);
      });
      if ([...cells.values()].some((v) => v !== null)) rows.push({ row: n, cells });
    });
    return { headers, rows };
  };
  const str = (sheet: string, r: { row: number; cells: Map<string, Cell> }, column: string) => {
    const v = r.cells.get(column);
    return v === null || v === undefined ? undefined : String(v);
  };
  const num = (sheet: string, r: { row: number; cells: Map<string, Cell> }, column: string, required = true) => {
    const v = r.cells.get(column);
    if (v === null || v === undefined) {
      if (required) problem(sheet, r.row, column, "不能为空");
      return undefined;
    }
    const n = typeof v === "number" ? v : Number(String(v).replace(/,/g, ""));
    if (!Number.isFinite(n)) {
      problem(sheet, r.row, column, `“${v}”不是数字`);
      return undefined;
    }
    return n;
  };
  const word = <T extends string>(
    sheet: string,
    r: { row: number; cells: Map<string, Cell> },
    column: string,
    words: Record<T, string>,
  ) => {
    const v = str(sheet, r, column);
    if (v === undefined) return undefined;
    const found = (Object.keys(words) as T[]).find((k) => words[k] === v || k === v);
    if (!found) problem(sheet, r.row, column, `“${v}”不在可选范围内（${Object.values(words).join(" / ")}）`);
    return found;
  };

  // 方案: label → value rows.
  const planRows = rowsOf("plan");
  const planValue = new Map<string, { row: number; value: Cell }>();
  for (const r of planRows.rows) {
    const label = str("方案", r, "项目");
    if (label) planValue.set(label, { row: r.row, value: r.cells.get("内容") ?? null });
  }
  for (const label of PLAN_ROWS)
    if (label !== "依据文件" && (planValue.get(label)?.value ?? null) === null)
      problem("方案", planValue.get(label)?.row, label, "不能为空");
  const yearsCell = planValue.get("计划年度");
  const years = String(yearsCell?.value ?? "")
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map(Number);
  if (yearsCell?.value != null && years.some((y) => !Number.isInteger(y)))
    problem("方案", yearsCell.row, "计划年度", "年度以逗号分隔，如 2018,2019,2020");
  const totalCell = planValue.get("总户数");
  const total = totalCell?.value == null ? undefined : Number(String(totalCell.value).replace(/,/g, ""));
  if (total !== undefined && !Number.isFinite(total)) problem("方案", totalCell?.row, "总户数", "不是数字");

  const districts = rowsOf("districts").rows.map((r) => ({
    _row: r.row,
    code: str("县区", r, "县区代码"),
    name: str("县区", r, "县区名称"),
    projects: num("县区", r, "项目数"),
    households: num("县区", r, "户数"),
  }));
  const floors = rowsOf("floors").rows.map((r) => ({
    _row: r.row,
    year: num("底线", r, "年度"),
    minCumulativePercent: num("底线", r, "累计底线（%）"),
  }));
  const departments = rowsOf("departments").rows.map((r) => ({
    _row: r.row,
    code: str("部门", r, "部门代码"),
    name: str("部门", r, "部门名称"),
    shortName: str("部门", r, "简称"),
    kind: word<DepartmentKind>("部门", r, "类型", KIND_WORDS),
    district: str("部门", r, "所属县区代码"),
  }));
  const projectSheet = rowsOf("projects");
  const quotaColumns = projectSheet.headers
    .map((h) => ({ header: h, year: /^(\d{4})年任务户数$/.exec(h)?.[1] }))
    .filter((c): c is { header: string; year: string } => c.year !== undefined);
  const projects = projectSheet.rows.map((r) => ({
    _row: r.row,
    code: str("项目", r, "项目代码"),
    name: str("项目", r, "项目名称"),
    district: str("项目", r, "县区代码"),
    totalHouseholds: num("项目", r, "总户数"),
    approach: word<ResettlementApproach>("项目", r, "安置方式", APPROACH_WORDS),
    responsibleDepartment: str("项目", r, "责任部门代码"),
    quotas: quotaColumns.flatMap((c) => {
      const n = num("项目", r, c.header, false);
      return n === undefined ? [] : [{ year: Number(c.year), households: n }];
    }),
  }));
  const code = text(planValue.get("方案代码")?.value);
  if (code && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code))
    problem("方案", planValue.get("方案代码")?.row, "方案代码", "只用小写字母、数字和连字符");
  if (problems.length > 0) return { plan: null, code: null, problems };

  // The plan's own rules, each problem put back on its sheet and row where the path names one.
  const raw = {
    title: text(planValue.get("方案名称")?.value),
    ...(text(planValue.get("依据文件")?.value) ? { source: text(planValue.get("依据文件")?.value) } : {}),
    years,
    totalHouseholds: total,
    districts: districts.map(({ _row, ...d }) => d),
    floors: floors.map(({ _row, ...f }) => f),
    departments: departments.map(({ _row, district, ...d }) => ({ ...d, ...(district ? { district } : {}) })),
    projects: projects.map(({ _row, approach, responsibleDepartment, ...p }) => ({
      ...p,
      ...(approach ? { approach } : {}),
      ...(responsibleDepartment ? { responsibleDepartment } : {}),
    })),
  };
  const sheetRows = { districts, floors, departments, projects } as const;
  const SHEET_OF: Record<string, string> = { districts: "县区", floors: "底线", departments: "部门", projects: "项目" };
  const place = (path: (string | number)[], message: string) => {
    const [top, index] = path;
    if (typeof top === "string" && top in sheetRows) {
      const rows = sheetRows[top as keyof typeof sheetRows];
      const row = typeof index === "number" ? rows[index]?._row : undefined;
      problem(SHEET_OF[top]!, row, undefined, message);
    } else problem("方案", undefined, typeof top === "string" ? (PLAN_FIELD_WORDS[top] ?? top) : undefined, message);
  };
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) place(issue.path as (string | number)[], issue.message);
    return { plan: null, code: null, problems };
  }
  for (const p of checkPlan(parsed.data))
    place(
      p.path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      p.message,
    );
  return problems.length > 0 ? { plan: null, code: null, problems } : { plan: parsed.data, code, problems: [] };
}
