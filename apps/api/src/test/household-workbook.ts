import ExcelJS from "exceljs";
import { HOUSEHOLD_IMPORT_COLUMNS, PAYMENT_IMPORT_COLUMNS } from "@resettle/domain";

export type WorkbookCell = string | number | Date | null;

/** One row in the template's column order: 户主姓名, 身份证号, 联系电话, 原址, 安置面积, 安置方式, 状态, 状态日期. */
export const householdRow = (
  idNumber: string,
  extra: Partial<Record<"name" | "phone" | "state" | "on" | "area" | "approach", WorkbookCell>> = {},
): WorkbookCell[] => [
  extra.name ?? "欧阳测甲",
  idNumber,
  extra.phone === undefined ? "13812345678" : extra.phone,
  "测试路 3 号楼 2 单元 501",
  extra.area ?? 86.4,
  extra.approach ?? "原址回建",
  extra.state ?? null,
  extra.on ?? null,
];

/** An .xlsx of households as a person would fill it (回迁户台账导入): the headers in row 1, a household a row. */
export async function householdWorkbook(
  rows: WorkbookCell[][],
  headers: string[] = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.header),
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("回迁户");
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A payments workbook (补助发放导入) of one well-formed row, for an ID number no household has. */
export async function paymentWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("补助发放");
  sheet.addRow(PAYMENT_IMPORT_COLUMNS.map((c) => c.header));
  sheet.addRow(["999999199001011234", null, "2026-10", 800, "2026-11-20", "MATRIX-1"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
