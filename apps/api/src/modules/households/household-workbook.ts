import ExcelJS from "exceljs";
import {
  APPROACH_WORDS,
  HOUSEHOLD_IMPORT_COLUMNS,
  HOUSEHOLD_IMPORT_ERROR_HEADER,
  HOUSEHOLD_IMPORT_MAX_ROWS,
  HOUSEHOLD_IMPORT_SHEET,
  HOUSEHOLD_STATE_WORDS,
} from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import type { CellValue, ImportProblem, ImportSheet } from "./household-import.js";

// The import workbook as exceljs reads and writes it: the template, a file's sheet as plain
// values, and the same file with its problems marked (列「错误」, red cells).

/** An .xlsx is a zip: PK\x03\x04. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const notXlsx = () =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "Send an Excel workbook (.xlsx); an .xls or .csv file: save it as .xlsx", [
    { path: "body.file", reason: "invalid_format", message: "an .xlsx workbook", params: { format: "xlsx" } },
  ]);

/** The workbook in a file's bytes; 415 unless it is an .xlsx that exceljs can read. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx(); // a zip, but no workbook in it (a .docx, a damaged file)
  }
  if (!workbook.worksheets[0]) throw notXlsx();
  return workbook;
}

/** The sheet of that name (回迁户 by default), or the first sheet when none has it. */
const importWorksheet = (workbook: ExcelJS.Workbook, name: string = HOUSEHOLD_IMPORT_SHEET) =>
  workbook.getWorksheet(name) ?? workbook.worksheets[0]!;

/** A cell's value as plain data: rich text as its text, a formula as its result, an error as its code. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return plainValue(value.text as ExcelJS.CellValue);
  if ("result" in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

/** The import sheet's headers (row 1) and the rows below it with any value. */
export function readImportSheet(workbook: ExcelJS.Workbook, sheetName?: string): ImportSheet {
  const worksheet = importWorksheet(workbook, sheetName);
  const sheet: ImportSheet = { headers: new Map(), rows: [] };
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, CellValue>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plainValue(cell.value);
      if (value !== null) cells.set(column, value);
    });
    if (rowNumber === 1) {
      for (const [column, value] of cells) sheet.headers.set(column, String(value).trim());
    } else if (cells.size > 0) sheet.rows.push({ row: rowNumber, cells });
  });
  return sheet;
}

const RED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const RED_TEXT: Partial<ExcelJS.Font> = { color: { argb: "FF9C0006" } };

/**
 * The same workbook with a column 错误: each row's problems in words, its bad cells filled
 * red; problems of the whole file (too many households, the moved-back count) in the header's
 * note. An import reads past this column, so the corrected file can be sent as it is.
 */
export async function annotateWorkbook(
  workbook: ExcelJS.Workbook,
  problems: ImportProblem[],
  { sheetName = HOUSEHOLD_IMPORT_SHEET, columns = HOUSEHOLD_IMPORT_COLUMNS.length as number } = {},
): Promise<Buffer> {
  const worksheet = importWorksheet(workbook, sheetName);
  const header = worksheet.getRow(1);
  let errorColumn = 0;
  header.eachCell({ includeEmpty: false }, (cell, column) => {
    if (String(plainValue(cell.value) ?? "").trim() === HOUSEHOLD_IMPORT_ERROR_HEADER) errorColumn = column;
  });
  if (errorColumn === 0) errorColumn = Math.max(header.cellCount, columns) + 1;
  else for (let r = 2; r <= worksheet.rowCount; r++) worksheet.getCell(r, errorColumn).value = null;
  const headerCell = worksheet.getCell(1, errorColumn);
  headerCell.value = HOUSEHOLD_IMPORT_ERROR_HEADER;
  headerCell.font = { ...RED_TEXT, bold: true };
  worksheet.getColumn(errorColumn).width = 60;

  const byRow = new Map<number, string[]>();
  const ofFile: string[] = [];
  for (const p of problems) {
    if (p.row === undefined || p.row === 1) {
      ofFile.push(p.text);
      continue;
    }
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.text]);
    if (p.columnNumber !== undefined) worksheet.getCell(p.row, p.columnNumber).fill = RED_FILL;
  }
  for (const [row, texts] of byRow) {
    const cell = worksheet.getCell(row, errorColumn);
    cell.value = texts.join("；");
    cell.font = RED_TEXT;
    cell.alignment = { wrapText: true, vertical: "top" };
  }
  if (ofFile.length > 0) headerCell.note = ofFile.join("\n");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXPLANATIONS: Record<(typeof HOUSEHOLD_IMPORT_COLUMNS)[number]["field"], string> = {
  headName: "户主的姓名。",
  idNumber: "18 位居民身份证号（最后一位可为 X），本列为文本格式，请勿改为数字。同一身份证号只能登记一户。",
  phone: "手机号（11 位）或带区号的固定电话，如 0427-2812345；可空。",
  address: "原住址。",
  areaM2: "安置面积，单位平方米，大于 0，最多两位小数。",
  approach: `${Object.values(APPROACH_WORDS).join(" / ")}。`,
  state: `${Object.values(HOUSEHOLD_STATE_WORDS).join(" / ")}；空白为待回迁。已回迁和货币补偿计入回迁户数。`,
  stateOn:
    "达到该状态的日期，YYYY-MM-DD（如 2020-12-30）或 Excel 日期；空白为导入当天。不能晚于今天，也不能早于工作方案的起始年份。",
};

type SheetWithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** 回迁户台账导入模板: the sheet to fill (headers, the ID column as text, lists for the words) and 说明. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(HOUSEHOLD_IMPORT_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = HOUSEHOLD_IMPORT_COLUMNS.map(({ header, field }) => ({
    header,
    key: field,
    width: field === "address" ? 36 : field === "idNumber" ? 24 : 16,
    ...(field === "idNumber" || field === "phone" ? { style: { numFmt: "@" } } : {}),
    ...(field === "stateOn" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const letter = (field: string) => sheet.getColumn(field).letter;
  const last = HOUSEHOLD_IMPORT_MAX_ROWS + 1;
  const list = (words: string[]) => ({ type: "list" as const, allowBlank: true, formulae: [`"${words.join(",")}"`] });
  // Drop-down lists for the words (Excel still takes a pasted value; the import checks it).
  // exceljs has ranged validations (`dataValidations.add`) but leaves them out of its types.
  const validations = (sheet as unknown as SheetWithValidations).dataValidations;
  validations.add(`${letter("approach")}2:${letter("approach")}${last}`, list(Object.values(APPROACH_WORDS)));
  validations.add(`${letter("state")}2:${letter("state")}${last}`, list(Object.values(HOUSEHOLD_STATE_WORDS)));

  const notes = workbook.addWorksheet("说明");
  notes.columns = [
    { header: "列", key: "header", width: 16 },
    { header: "必填", key: "required", width: 8 },
    { header: "说明", key: "text", width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const { field, header, required } of HOUSEHOLD_IMPORT_COLUMNS)
    notes.addRow({ header, required: required ? "是" : "否", text: EXPLANATIONS[field] });
  notes.addRow({});
  for (const line of [
    `在「${HOUSEHOLD_IMPORT_SHEET}」表中从第 2 行起每行填写一户，第 1 行的表头请勿修改。`,
    "导入时逐行检查全部内容：有任何问题则整个文件都不导入，并列出每个问题所在的行和列；改正后重新导入即可。",
    "已回迁或货币补偿的户按状态日期计入项目的回迁户数（按上报进度记账）。",
    "项目此前已按上报计有回迁户、尚无台账时，首次导入须恰好列出这些户（状态为已回迁或货币补偿）：它们已计入，不再重复记账。",
  ])
    notes.addRow({ text: line });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
