import ExcelJS from "exceljs";
import { PAYMENT_IMPORT_COLUMNS, SUBSIDY_IMPORT_SHEET, type PaymentImportField } from "@resettle/domain";

const EXPLANATIONS: Record<PaymentImportField, string> = {
  idNumber: "户主身份证号（18 位），须是本项目回迁户台账中的户；请把此列设为文本格式，以免末位被改写",
  headName: "户主姓名；填写时须与台账一致，用于核对",
  month: "补助所属月份，如 2026-06；须是该户应领取的月份（自项目补助标准起始月份至本月或其回迁的月份）",
  amount: "发放金额（元），最多两位小数，如 800 或 800.50；不得超过该月尚未发放的金额（可分次发放）",
  paidOn: "实际发放日期，如 2026-11-24；不得晚于今天",
  voucherNo: "财务凭证号：字母、数字和 - _ /，最多 40 个字符",
};

/** 补助发放导入模板: the sheet to fill and 说明. */
export async function buildPaymentTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SUBSIDY_IMPORT_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = PAYMENT_IMPORT_COLUMNS.map(({ header, field }) => ({
    header,
    key: field,
    width: field === "idNumber" ? 24 : 16,
    ...(field === "idNumber" || field === "month" || field === "voucherNo" ? { style: { numFmt: "@" } } : {}),
    ...(field === "paidOn" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
    ...(field === "amount" ? { style: { numFmt: "0.00" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet("说明");
  notes.columns = [
    { header: "列", key: "header", width: 16 },
    { header: "必填", key: "required", width: 8 },
    { header: "说明", key: "text", width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const { field, header, required } of PAYMENT_IMPORT_COLUMNS)
    notes.addRow({ header, required: required ? "是" : "否", text: EXPLANATIONS[field] });
  notes.addRow({});
  for (const line of [
    `在「${SUBSIDY_IMPORT_SHEET}」表中从第 2 行起每行填写一户一个月份的一笔发放，第 1 行的表头请勿修改。`,
    "导入时逐行检查全部内容：有任何问题则整个文件都不导入，并列出每个问题所在的行和列；改正后重新导入即可。",
  ])
    notes.addRow({ text: line });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
