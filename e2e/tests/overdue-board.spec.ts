import { expect, test, type Page } from "@playwright/test";
import { chooseOption, signIn } from "./support.js";

// Issue 10: the dashboard's counters lead to the lists behind them; the office has a city-wide
// board of overdue work (全市待办) with filters kept in the address.

async function counter(page: Page, name: RegExp) {
  const link = page.getByRole("link", { name });
  await expect(link).toBeVisible();
  const label = (await link.getAttribute("aria-label")) ?? "";
  return { link, count: Number(/(\d+)/.exec(label)?.[1]) };
}

const boardTable = (page: Page) => page.getByRole("table", { name: "全市逾期工作，逾期最久的在前" });

test("a leader opens the overdue board from the dashboard's counter: the same count, filtered, kept in the address", async ({
  page,
}) => {
  await signIn(page, "leader");
  await page.goto("/");
  const milestones = await counter(page, /^查看 \d+ 个逾期推进节点$/);
  expect(milestones.count).toBeGreaterThan(0);

  await milestones.link.click();
  await expect(page).toHaveURL(/\/overdue-board\?kind=milestone$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全市待办");
  await expect(page.getByText(`共 ${milestones.count} 项`)).toBeVisible();
  const rows = boardTable(page).locator("tbody tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  // Every row is a milestone, and late: the counter and the list agree.
  for (const type of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(type).toMatch(/^推进节点/);
  for (const late of await rows.locator("td:nth-child(1)").allInnerTexts()) expect(late).toMatch(/^\d+ 天$/);

  // A filter narrows it and lands in the address; a reload keeps it.
  await chooseOption(page, page.getByRole("combobox", { name: "所属区" }), "双台子区");
  await expect(page).toHaveURL(/districtId=/);
  const districts = rows.locator("td:nth-child(5)");
  await expect(districts.filter({ hasText: "双台子区" }).first()).toBeVisible();
  await expect(districts.filter({ hasNotText: "双台子区" })).toHaveCount(0);
  await page.reload();
  await expect(page).toHaveURL(/districtId=/);
  await expect(districts.filter({ hasText: "双台子区" }).first()).toBeVisible();
  await expect(districts.filter({ hasNotText: "双台子区" })).toHaveCount(0);

  // The items counter leads to the items.
  await page.goto("/");
  const items = await counter(page, /^查看 \d+ 项逾期整改事项$/);
  await items.link.click();
  await expect(page).toHaveURL(/\/overdue-board\?kind=item$/);
  await expect(page.getByText(`共 ${items.count} 项`)).toBeVisible();
});

test("an administrator's My work is not empty: it leads to the city's overdue work", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/my-work");
  const link = page.getByRole("link", { name: /^查看全市待办（\d+ 项逾期）$/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/overdue-board$/);
  await expect(boardTable(page).locator("tbody tr.ant-table-row").first()).toBeVisible();
});

test("a health counter opens the project ledger filtered by that colour", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/");
  const red = await counter(page, /^查看 \d+ 个严重项目$/);
  await red.link.click();
  await expect(page).toHaveURL(/\/projects\?health=red$/);
  await expect(page.getByText(new RegExp(`共 ${red.count} 个项目`))).toBeVisible();
});
