import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support.js";

// Issue 11: a project's household registry (回迁户台账) is imported from an .xlsx, all or nothing.
// A file with one bad ID number is refused with the row and the column named, nothing written;
// corrected, it imports, and the project's 回迁户 tab counts the households. A project whose
// figure already counts households from typed reports starts its registry with exactly that many
// 已回迁 (ADR 012), so the file lists them too.

const HEADERS = ["户主姓名", "身份证号", "联系电话", "原址", "安置面积（㎡）", "安置方式", "状态", "状态日期"];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** A fictional ID number (area 999999, born in 2001: no demo household is) with its GB 11643 check digit. */
function idNumber(seq: number): string {
  const body = `999999200101${String(1 + (seq % 28)).padStart(2, "0")}${String(100 + seq).padStart(3, "0")}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return body + CHECK[sum % 11];
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("回迁户");
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("the office imports a small registry from an .xlsx: a bad row is refused by row and column, then it imports", async ({
  page,
}) => {
  await signIn(page, "admin");
  const list = await (await page.request.get("/api/projects?pageSize=100")).json();
  const details = await Promise.all(
    list.items.map(async (p: { id: string }) => (await page.request.get(`/api/projects/${p.id}`)).json()),
  );
  // A project with no registry yet, the fewest households counted already.
  const project = details
    .filter((p: { registeredHouseholds: number }) => p.registeredHouseholds === 0)
    .sort((a: { movedBack: number }, b: { movedBack: number }) => a.movedBack - b.movedBack)[0];
  expect(project, "a project without a registry").toBeDefined();
  const settled = Array.from({ length: project.movedBack }, (_, i) => [
    `回迁户${i + 1}（测试）`,
    idNumber(i),
    "",
    `测试原址 ${i + 1} 号`,
    75.5,
    "原址回建",
    "已回迁",
    "2020-12-30",
  ]);
  const waiting = [0, 1].map((i) => [
    `待迁户${i + 1}（测试）`,
    idNumber(project.movedBack + i),
    "13800000000",
    `测试原址 待 ${i + 1} 号`,
    60,
    "异地安置",
    "",
    "",
  ]);
  const badId =
    idNumber(project.movedBack + 1).slice(0, 17) + (idNumber(project.movedBack + 1).endsWith("0") ? "1" : "0");

  await page.goto(`/projects/${project.id}?tab=households`);
  await page.getByRole("button", { name: "导入 Excel" }).click();
  const dialog = page.getByRole("dialog", { name: "从 Excel 导入回迁户" });
  const bad = [...settled, waiting[0]!, [...waiting[1]!.slice(0, 1), badId, ...waiting[1]!.slice(2)]];
  await dialog.locator("input[type=file]").setInputFiles({
    name: "台账.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await workbook(bad),
  });
  await dialog.getByRole("button", { name: "开始导入" }).click();
  await expect(dialog.getByText(/文件中有 1 处错误，未导入任何数据/)).toBeVisible();
  const issues = dialog.getByRole("table", { name: "导入错误列表" });
  await expect(issues.locator("tbody tr")).toHaveCount(1);
  await expect(issues.locator("tbody tr").first()).toContainText(String(bad.length + 1)); // the header is row 1
  await expect(issues.locator("tbody tr").first()).toContainText("身份证号");
  const unchanged = await (await page.request.get(`/api/projects/${project.id}`)).json();
  expect(unchanged.registeredHouseholds).toBe(0);

  // Corrected: the same dialog takes the new file.
  await dialog.locator("input[type=file]").setInputFiles({
    name: "台账（已改正）.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await workbook([...settled, ...waiting]),
  });
  await dialog.getByRole("button", { name: "开始导入" }).click();
  const count = project.movedBack + 2;
  await expect(page.getByText(`已导入 ${count} 户`)).toBeVisible();
  await expect(page.getByRole("tab", { name: `回迁户（${count}）` })).toBeVisible();
  const after = await (await page.request.get(`/api/projects/${project.id}`)).json();
  expect(after).toMatchObject({ registeredHouseholds: count, movedBack: project.movedBack });
});
