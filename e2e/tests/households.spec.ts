import { expect, test, type Page } from "@playwright/test";
import { chooseOption, signIn } from "./support.js";

// Issue 11: the household registry (回迁户台账) of 广厦小区 (demo: 411 households, 150 moved back).
// A household moved back raises the dashboard's figure by one; ID numbers stay masked unless an
// administrator reveals one with a reason.

async function dashboardMovedBack(page: Page) {
  await page.goto("/");
  const totals = page.getByRole("region", { name: "总体情况" });
  await expect(totals).toContainText("户");
  const text = await totals.innerText();
  const match = /已回迁\D*([\d,]+)\s*户/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]!.replace(/,/g, ""));
}

async function openRegistry(page: Page) {
  const projects = await (await page.request.get("/api/projects?pageSize=100")).json();
  const guangsha = projects.items.find((p: { code: string }) => p.code === "guangsha");
  await page.goto(`/projects/${guangsha.id}?tab=households`);
  await expect(page.getByRole("tab", { name: /回迁户/, selected: true })).toBeVisible();
  return page.getByRole("table", { name: "回迁户台账列表" });
}

test("双台子区's coordinator moves a household of 广厦小区 back; the dashboard's figure rises by one", async ({
  page,
}) => {
  await signIn(page, "coord-shuangtaizi");
  const before = await dashboardMovedBack(page);
  const table = await openRegistry(page);
  await expect(page.getByText("本项目的回迁户数由本台账生成")).toBeVisible();

  // Only households with their keys handed: pick the first.
  await chooseOption(page, page.getByRole("combobox", { name: "状态" }), "已交钥匙");
  const row = table.locator("tbody tr.ant-table-row").first();
  await expect(row).toContainText("已交钥匙");
  // Masked everywhere: the area code and the last four only.
  await expect(row).toContainText(/999999\*{8}[0-9X]{4}/);
  const name = (await row.locator("td").first().innerText()).split("\n")[0]!.trim();

  await row.getByRole("button", { name: `变更“${name}”的状态` }).click();
  const dialog = page.getByRole("dialog", { name: `变更状态：${name}` });
  await chooseOption(page, dialog.getByRole("combobox", { name: "变更为" }), "已回迁");
  await expect(dialog).toContainText("回迁户数 +1");
  await dialog.getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByText("状态已变更为“已回迁”")).toBeVisible();

  expect(await dashboardMovedBack(page)).toBe(before + 1);
});

test("an administrator reads one full ID number with a reason; a coordinator has no such button", async ({ page }) => {
  await signIn(page, "coord-shuangtaizi");
  let table = await openRegistry(page);
  await expect(table.locator("tbody tr.ant-table-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /完整身份证号/ })).toHaveCount(0);

  await signIn(page, "admin");
  table = await openRegistry(page);
  const row = table.locator("tbody tr.ant-table-row").first();
  const masked = (await row.locator("td").nth(1).innerText()).trim();
  const name = (await row.locator("td").first().innerText()).split("\n")[0]!.trim();
  await row.getByRole("button", { name: `查看“${name}”的完整身份证号` }).click();
  const dialog = page.getByRole("dialog", { name: `查看完整身份证号：${name}` });
  await dialog.getByRole("button", { name: /^查\s*看$/ }).click();
  await expect(dialog.getByText("请填写")).toBeVisible();
  await dialog.getByLabel("查看原因").fill("e2e：信访核实身份");
  await dialog.getByRole("button", { name: /^查\s*看$/ }).click();
  const shown = page.getByRole("dialog", { name: `查看完整身份证号：${name}` });
  const full = (await shown.getByLabel("身份证号").innerText()).trim();
  expect(full).toMatch(/^999999\d{11}[0-9X]$/);
  expect(`${full.slice(0, 6)}********${full.slice(14)}`).toBe(masked);
});
