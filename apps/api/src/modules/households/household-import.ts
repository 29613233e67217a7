import {
  APPROACH_WORDS,
  HOUSEHOLD_IMPORT_COLUMNS,
  HOUSEHOLD_IMPORT_MAX_ROWS,
  HOUSEHOLD_STATE_WORDS,
  HouseholdCreateSchema,
  isSettled,
  isWithin,
  maskIdNumber,
  reasonOfIssue,
  type DateWindow,
  type FieldIssue,
  type FieldIssueParams,
  type FieldReason,
  type HouseholdCreate,
  type HouseholdImportField,
  type HouseholdState,
  type ResettlementApproach,
} from "@resettle/domain";

// The import's rules, without a database or a workbook library: a sheet of plain cell values in,
// the households it lists and every problem found out. The service adds what only the database
// knows (ID numbers already registered, the project's figures) through `checkRegistryFit`.

/** A cell as the workbook reader hands it over. */
export type CellValue = string | number | boolean | Date | null;

/** A sheet: its headers by column number (1-based), and its rows with anything in them, by row number. */
export type ImportSheet = {
  headers: Map<number, string>;
  rows: { row: number; cells: Map<number, CellValue> }[];
};

/** One problem: the answer's field issue, the same in Chinese for the annotated workbook, and the cell's column. */
export type ImportProblem = FieldIssue & { text: string; columnNumber?: number };

export type ImportedHousehold = HouseholdCreate & { row: number; state: HouseholdState; stateOn: string };

export type CheckedSheet = {
  households: ImportedHousehold[];
  problems: ImportProblem[];
  /** Rows listing a household, good or bad. */
  rowCount: number;
  /** Rows whose 状态 is 已回迁 or 货币补偿 (whatever else is wrong with them). */
  settledCount: number;
  columns: Partial<Record<HouseholdImportField, number>>;
};

const HEADER_OF = Object.fromEntries(HOUSEHOLD_IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<
  HouseholdImportField,
  string
>;
const STATE_BY_WORD = new Map(Object.entries(HOUSEHOLD_STATE_WORDS).map(([s, w]) => [w, s as HouseholdState]));
const APPROACH_BY_WORD = new Map(Object.entries(APPROACH_WORDS).map(([a, w]) => [w, a as ResettlementApproach]));

/** Headers compared without spaces, with either kind of brackets, and ㎡ however written. */
const headerKey = (header: string) =>
  header
    .replace(/\s/g, "")
    .replace(/[（(]/g, "(")
    .replace(/[）)]/g, ")")
    .replace(/m2|m²|平方米/gi, "㎡");

function problem(
  row: number | undefined,
  field: HouseholdImportField | undefined,
  columns: CheckedSheet["columns"],
  issue: { reason: FieldReason; message: string; text: string; params?: FieldIssueParams | undefined },
): ImportProblem {
  const columnNumber = field ? columns[field] : undefined;
  return {
    path: row === undefined ? "body.file" : `body.file.rows.${row}${field ? `.${field}` : ""}`,
    reason: issue.reason,
    message: issue.message,
    ...(issue.params ? { params: issue.params } : {}),
    ...(row === undefined ? {} : { row }),
    ...(field ? { column: HEADER_OF[field] } : {}),
    text: issue.text,
    ...(columnNumber === undefined ? {} : { columnNumber }),
  };
}

/** A cell as text: trimmed, a number as written, a date as YYYY-MM-DD; empty is "". */
function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The real date a cell holds: an Excel date, or YYYY-MM-DD (also 2020/12/30, 2020.12.30, 2020年12月30日). */
function dateOf(value: CellValue | undefined): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const ID_PROBLEM_TEXT: Record<string, string> = {
  format: "身份证号应为 18 位：17 位数字加校验位（0–9 或 X）",
  birth_date: "身份证号中的出生日期（第 7–14 位）不是 1900 年至今的真实日期",
  check_digit: "身份证号校验位（最后一位）与前 17 位不符",
};

/** A schema issue of a field in Chinese, for the people who fix the workbook. */
function chineseText(field: HouseholdImportField, reason: FieldReason, params: FieldIssueParams | undefined): string {
  const header = HEADER_OF[field];
  const { maximum, minimum, origin, problem: idProblem } = params ?? {};
  if (reason === "id_number_invalid") return ID_PROBLEM_TEXT[String(idProblem)] ?? "身份证号不正确";
  if (field === "phone") return "联系电话应为 11 位手机号或带区号的固定电话（如 0427-2812345）";
  if (field === "areaM2") {
    if (reason === "invalid_type") return "安置面积应为数字（平方米）";
    if (reason === "too_small") return "安置面积应大于 0";
    if (reason === "too_big") return `安置面积不能大于 ${maximum}`;
    if (reason === "invalid_format") return "安置面积最多两位小数";
  }
  if (reason === "too_big")
    return origin === "string" ? `${header}最多 ${maximum} 个字` : `${header}不能大于 ${maximum}`;
  if (reason === "too_small")
    return origin === "string" ? `${header}至少 ${minimum} 个字` : `${header}不能小于 ${minimum}`;
  return `${header}填写有误`;
}

/** Where each column is, by its header in row 1; a required one missing is a problem of the file. */
function locateColumns(headers: ImportSheet["headers"]) {
  const columns: CheckedSheet["columns"] = {};
  const byKey = new Map<string, number>();
  for (const [column, header] of headers) if (!byKey.has(headerKey(header))) byKey.set(headerKey(header), column);
  const problems: ImportProblem[] = [];
  for (const { field, header, required } of HOUSEHOLD_IMPORT_COLUMNS) {
    const column = byKey.get(headerKey(header));
    if (column !== undefined) columns[field] = column;
    else if (required)
      problems.push({
        path: "body.file",
        reason: "invalid_value",
        message: `the sheet has no column ${header} (headers are in row 1)`,
        params: { expected: header },
        row: 1,
        column: header,
        text: `缺少列「${header}」（第 1 行为表头）`,
      });
  }
  return { columns, problems };
}

/**
 * Every household the sheet lists and every problem of its rows, checked as a household added
 * one by one is (the domain's `HouseholdCreateSchema`), plus the import's own columns: 状态
 * (empty: 待回迁) and 状态日期 (empty: today; within the plan's window, not in the future),
 * and ID numbers listed twice (both rows named).
 */
export function checkImportRows(sheet: ImportSheet, { today, window }: { today: string; window: DateWindow }) {
  const { columns, problems } = locateColumns(sheet.headers);
  const cell = (cells: Map<number, CellValue>, field: HouseholdImportField) => {
    const column = columns[field];
    return column === undefined ? null : (cells.get(column) ?? null);
  };
  const listed = sheet.rows.filter(({ cells }) =>
    HOUSEHOLD_IMPORT_COLUMNS.some(({ field }) => textOf(cell(cells, field)) !== ""),
  );
  const checked: CheckedSheet = { households: [], problems, rowCount: listed.length, settledCount: 0, columns };
  if (problems.length > 0) return checked;
  if (listed.length === 0)
    problems.push(
      problem(undefined, undefined, columns, {
        reason: "too_small",
        message: "the sheet lists no household (one a row, from row 2)",
        params: { minimum: 1, origin: "array" },
        text: "表格中没有回迁户（第 2 行起每行一户）",
      }),
    );
  if (listed.length > HOUSEHOLD_IMPORT_MAX_ROWS) {
    problems.push(
      problem(undefined, undefined, columns, {
        reason: "too_big",
        message: `${listed.length} households: one file may list at most ${HOUSEHOLD_IMPORT_MAX_ROWS}`,
        params: { maximum: HOUSEHOLD_IMPORT_MAX_ROWS, origin: "array" },
        text: `一个文件最多 ${HOUSEHOLD_IMPORT_MAX_ROWS} 户（本文件 ${listed.length} 户）`,
      }),
    );
    return checked;
  }

  for (const { row, cells } of listed) {
    const rowProblems: ImportProblem[] = [];
    const report = (field: HouseholdImportField, issue: Parameters<typeof problem>[3]) =>
      rowProblems.push(problem(row, field, columns, issue));
    const handled = new Set<HouseholdImportField>();
    const required = (field: HouseholdImportField) => {
      const text = textOf(cell(cells, field));
      if (text !== "") return text;
      handled.add(field);
      report(field, {
        reason: "too_small",
        message: "required",
        params: { minimum: 1, origin: "string" },
        text: `${HEADER_OF[field]}为必填项`,
      });
      return undefined;
    };

    const idCell = cell(cells, "idNumber");
    let idNumber = required("idNumber");
    if (typeof idCell === "number") {
      // Excel keeps 15 significant digits: the number typed is already lost.
      handled.add("idNumber");
      idNumber = undefined;
      report("idNumber", {
        reason: "id_number_invalid",
        message:
          "the ID number is stored as a number (Excel keeps 15 digits): format the column as text and type it again",
        params: { problem: "format" },
        text: "身份证号被存成了数字（Excel 只保留 15 位）：请把该列设为文本格式后重新填写",
      });
    }
    const approachText = required("approach");
    const approach = approachText === undefined ? undefined : APPROACH_BY_WORD.get(approachText);
    if (approachText !== undefined && approach === undefined) {
      handled.add("approach");
      report("approach", {
        reason: "invalid_value",
        message: `安置方式 is one of ${Object.values(APPROACH_WORDS).join(", ")}`,
        params: { expected: Object.values(APPROACH_WORDS).join(", ") },
        text: `安置方式应为：${Object.values(APPROACH_WORDS).join("、")}`,
      });
    }
    const areaText = required("areaM2")?.replace(/\s*(㎡|平方米|m2)$/i, "");
    const fields = {
      headName: required("headName"),
      idNumber,
      phone: textOf(cell(cells, "phone")) || null,
      address: required("address"),
      areaM2: areaText !== undefined && /^-?\d+(\.\d+)?$/.test(areaText) ? Number(areaText) : areaText,
      approach,
    };
    const parsed = HouseholdCreateSchema.safeParse(fields);
    for (const issue of parsed.error?.issues ?? []) {
      const field = String(issue.path[0]) as HouseholdImportField;
      if (handled.has(field)) continue;
      handled.add(field); // one problem a cell
      const { reason, params } = reasonOfIssue(issue);
      report(field, { reason, params, message: issue.message, text: chineseText(field, reason, params) });
    }

    const stateText = textOf(cell(cells, "state"));
    const state = stateText === "" ? "waiting" : STATE_BY_WORD.get(stateText);
    if (state === undefined)
      report("state", {
        reason: "invalid_value",
        message: `状态 is one of ${Object.values(HOUSEHOLD_STATE_WORDS).join(", ")} (empty: 待回迁)`,
        params: { expected: Object.values(HOUSEHOLD_STATE_WORDS).join(", ") },
        text: `状态应为：${Object.values(HOUSEHOLD_STATE_WORDS).join("、")}（空白为待回迁）`,
      });
    else if (isSettled(state)) checked.settledCount++;

    const dateCell = cell(cells, "stateOn");
    const stateOn = textOf(dateCell) === "" ? today : dateOf(dateCell);
    if (stateOn === null)
      report("stateOn", {
        reason: "invalid_format",
        message: "a date: YYYY-MM-DD, or a date cell",
        params: { format: "YYYY-MM-DD" },
        text: "状态日期应为 YYYY-MM-DD（如 2020-12-30）或 Excel 日期",
      });
    else if (stateOn > today)
      report("stateOn", {
        reason: "date_in_future",
        message: `${stateOn} is after today (${today})`,
        params: { maximum: today },
        text: `状态日期不能晚于今天（${today}）`,
      });
    else if (!isWithin(stateOn, window))
      report("stateOn", {
        reason: "out_of_bounds",
        message: `${stateOn} lies outside ${window.minimum} … ${window.maximum}`,
        params: { minimum: window.minimum, maximum: window.maximum },
        text: `状态日期应在 ${window.minimum} 至 ${window.maximum} 之间`,
      });

    if (rowProblems.length === 0 && parsed.success && state !== undefined && stateOn !== null)
      checked.households.push({ ...parsed.data, row, state, stateOn });
    problems.push(...rowProblems);
  }
  problems.push(...duplicatesWithin(checked.households, columns));
  return checked;
}

/** An ID number listed on several rows: a problem on each, naming the others. */
function duplicatesWithin(households: ImportedHousehold[], columns: CheckedSheet["columns"]): ImportProblem[] {
  const rowsOf = new Map<string, number[]>();
  for (const h of households) rowsOf.set(h.idNumber, [...(rowsOf.get(h.idNumber) ?? []), h.row]);
  return households.flatMap((h) => {
    const others = rowsOf.get(h.idNumber)!.filter((r) => r !== h.row);
    if (others.length === 0) return [];
    return [
      problem(h.row, "idNumber", columns, {
        reason: "duplicate",
        message: `the same ID number (${maskIdNumber(h.idNumber)}) as row ${others.join(", ")}`,
        params: { rows: others.join(", ") },
        text: `身份证号与第 ${others.join("、")} 行重复`,
      }),
    ];
  });
}

/** What the database says about a file: the project's figures and the file's ID numbers already registered. */
export type RegistryFacts = {
  project: { totalHouseholds: number; registeredHouseholds: number; movedBack: number };
  taken: { idNumber: string; projectName: string }[];
};

/**
 * The file against the registry: no ID number registered already, no more households than the
 * plan's total, and (ADR 012) a project counted from typed reports starts its registry with
 * exactly the households its figure counts as moved back.
 */
export function checkRegistryFit(checked: CheckedSheet, { project, taken }: RegistryFacts): ImportProblem[] {
  const { columns, rowCount, settledCount } = checked;
  const problems: ImportProblem[] = [];
  const takenIn = new Map(taken.map((t) => [t.idNumber, t.projectName]));
  for (const h of checked.households) {
    const where = takenIn.get(h.idNumber);
    if (where !== undefined)
      problems.push(
        problem(h.row, "idNumber", columns, {
          reason: "taken",
          message: `ID number ${maskIdNumber(h.idNumber)} is already registered (${where})`,
          params: { project: where },
          text: `身份证号 ${maskIdNumber(h.idNumber)} 已登记在「${where}」`,
        }),
      );
  }
  const { totalHouseholds, registeredHouseholds, movedBack } = project;
  if (registeredHouseholds + rowCount > totalHouseholds)
    problems.push(
      problem(undefined, undefined, columns, {
        reason: "registry_full",
        message: `The project has ${totalHouseholds} households and its registry holds ${registeredHouseholds}: ${rowCount} more are too many`,
        params: { maximum: totalHouseholds, registered: registeredHouseholds, rows: rowCount },
        text: `本项目共 ${totalHouseholds} 户，台账已登记 ${registeredHouseholds} 户，本文件 ${rowCount} 户，超出 ${registeredHouseholds + rowCount - totalHouseholds} 户`,
      }),
    );
  if (registeredHouseholds === 0 && movedBack > 0 && settledCount !== movedBack)
    problems.push(
      problem(undefined, "state", columns, {
        reason: "registry_managed",
        message: `${movedBack} households of this project are counted as moved back from typed reports: its first import lists exactly ${movedBack} as 已回迁 or 货币补偿 (this file: ${settledCount})`,
        params: { movedBack, settled: settledCount },
        text: `本项目已按上报计回迁 ${movedBack} 户：首次导入须恰好列出 ${movedBack} 户「已回迁」或「货币补偿」（本文件 ${settledCount} 户）`,
      }),
    );
  return problems;
}

/** Problems in the order of the workbook: the file's own first, then row by row, column by column. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnNumber ?? 0) - (b.columnNumber ?? 0));
}
