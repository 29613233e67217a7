/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { chooseOption, signIn } from "./support.js";

// Issue 12, 报表: a leader opens this week's 工作简报 from the menu, downloads it as Word and PDF
// and prints it; a working group prints the 逐项目研判材料 of its group once its charts are drawn.

test("a leader reads, downloads and prints this week's briefing", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作简报" }).click();
  const briefing = page.getByRole("article", { name: "工作简报" });
  await expect(briefing).toBeVisible();
  await expect(briefing.getByRole("table", { name: "各县区回迁进度" })).toContainText("双台子区");
  await expect(briefing.getByRole("table", { name: "项目预警情况" })).toContainText("宏伟小区");

  const [word] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /下载 Word/ }).click(),
  ]);
  expect(word.suggestedFilename()).toMatch(/^工作简报（\d{4}年第\d{1,2}期）\.docx$/);
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /下载 PDF/ }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Printed, the document is the page: no menu, no heading, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("link", { name: /下载 Word/ })).toBeHidden();
  await expect(briefing.getByRole("heading", { name: "工作简报" })).toBeVisible();
  expect((await page.pdf({ preferCSSPageSize: true })).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a working group prints its stocktake pack, a page per project, once the charts are drawn", async ({ page }) => {
  await signIn(page, "wg");
  await page.goto("/reports/stocktake");
  const print = page.getByRole("button", { name: /打\s*印/ });
  await expect(print).toBeDisabled();
  await chooseOption(page, page.getByRole("combobox", { name: "联合工作组" }), /双台子区/);
  await expect(page).toHaveURL(/groupId=/);
  const pack = page.getByRole("article", { name: "逐项目研判材料" });
  await expect(pack.getByRole("heading", { name: /宏伟小区/ })).toBeVisible();
  await expect(print).toBeEnabled();
  // Each project's trajectory chart is on the page as drawn SVG before anything prints.
  await expect(pack.locator(".project-chart svg")).toHaveCount(await pack.locator(".stocktake-project").count());
  await expect(pack.getByRole("table", { name: "受阻事项" })).toContainText("土地证、房产证办理");
  await page.emulateMedia({ media: "print" });
  expect(
    await pack
      .locator(".stocktake-project")
      .first()
      .evaluate((el) => getComputedStyle(el).breakBefore),
  ).toBe("page");
});
