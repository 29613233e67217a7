import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./support.js";

// The Panjin plan as `npm start` serves it: the figures must read exactly as the plan states them.

// Leaders read the dashboard: the journeys below are theirs.
test.beforeEach(async ({ page }) => {
  await signIn(page, "leader");
});

const cellTexts = async (row: Locator) => (await row.locator("td, th").allInnerTexts()).map((t) => t.trim());

test.describe("dashboard", () => {
  test("states the plan's figures, in Chinese, marked as demo data", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/数据总览/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "盘锦市国有土地上房屋征收超期未回迁问题解决工作方案",
    );
    await expect(page.getByRole("note").filter({ hasText: "演示数据" })).toBeVisible();

    const stats = page.getByRole("region", { name: "总体情况" });
    await expect(stats).toContainText("项目数");
    await expect(stats).toContainText("8个");
    await expect(stats).toContainText("4,722户");

    const years = page.getByRole("table", { name: "各年度计划回迁户数、累计计划与实际累计完成情况" });
    const rows = years.locator("tbody tr");
    await expect(rows).toHaveCount(3);
    expect((await cellTexts(rows.nth(0))).slice(0, 4)).toEqual(["2018年", "1,613", "1,613", "34.2%"]);
    expect((await cellTexts(rows.nth(1))).slice(0, 4)).toEqual(["2019年", "2,280", "3,893", "82.4%"]);
    expect((await cellTexts(rows.nth(2))).slice(0, 4)).toEqual(["2020年", "829", "4,722", "100%"]);
  });

  test("draws each district's trajectory against the 30 / 60 / 100 % floors", async ({ page }) => {
    await page.goto("/");
    for (const district of ["双台子区", "大洼区"]) {
      const chart = page.getByRole("img", { name: new RegExp(`^${district}回迁进度轨迹图`) });
      await expect(chart).toBeVisible();
      await expect(chart.locator("canvas, svg").first()).toBeVisible();
      const table = page.getByRole("table", { name: `${district}各年度计划、底线与实际累计占比` });
      const floors = await table
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll("th, td")[2]?.textContent?.trim()));
      expect(floors).toEqual(["30%", "60%", "100%"]);
    }
    await expect(page.getByRole("img", { name: /^双台子区回迁进度轨迹图/ })).toHaveAttribute(
      "aria-label",
      /2018年计划累计34%，底线30%/,
    );
  });

  test("lists the eight projects in the plan's order, with quotas and who is responsible, leading to each project", async ({
    page,
  }) => {
    await page.goto("/");
    const table = page.getByRole("table", { name: "各项目总户数、年度回迁任务与完成情况" });
    const names = table.locator("tbody tr.ant-table-row td:first-child");
    await expect(names).toHaveText([
      "向阳小区",
      "绿地世纪城小区",
      "宏伟小区",
      "广厦小区",
      "学府园二期",
      "荷塘月色项目",
      "华润万家项目",
      "桃李源项目",
    ]);
    const xiangyang = table.locator("tbody tr.ant-table-row").first();
    // Name, health (its colour in words), district, total, quota 2018, done 2018, quota 2019.
    expect((await cellTexts(xiangyang)).slice(0, 7)).toEqual([
      "向阳小区",
      "红 严重",
      "双台子区",
      "1,208",
      "680",
      "528",
      "–",
    ]);
    await expect(xiangyang).toContainText("双台子区政府");
    await expect(xiangyang).toContainText("演示");

    await table.getByRole("link", { name: "宏伟小区" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("宏伟小区");
    await expect(page.getByText("1,112").first()).toBeVisible();
  });

  test("switches to English and back, and remembers the choice", async ({ page }) => {
    await page.goto("/");
    await page.getByText("English", { exact: true }).click();
    await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Overall figures" })).toContainText("4,722");
    await page.reload();
    await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
    await page.getByText("中文", { exact: true }).click();
    await expect(page.getByRole("link", { name: "数据总览" })).toBeVisible();
  });
});

test.describe("projects ledger", () => {
  test("pages, filters by district and keeps the filter in the address", async ({ page }) => {
    await page.goto("/projects");
    const table = page.getByRole("table", { name: "项目台账列表" });
    await expect(table.locator("tbody tr.ant-table-row")).toHaveCount(8);
    await expect(page.getByText("共 8 个项目")).toBeVisible();

    await page.getByRole("combobox", { name: /所属区/ }).click();
    await page.locator(".ant-select-item-option").filter({ hasText: "大洼区" }).click();
    await expect(table.locator("tbody tr.ant-table-row")).toHaveCount(3);
    await expect(page).toHaveURL(/districtId=/);
    await page.reload();
    await expect(table.locator("tbody tr.ant-table-row")).toHaveCount(3);
    await expect(table).toContainText("荷塘月色项目");
    await expect(table).not.toContainText("向阳小区");
  });
});

test.describe("errors", () => {
  test("an unknown page says so and leads home", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await page
      .getByRole("link", { name: "返回数据总览" })
      .or(page.getByRole("button", { name: "返回数据总览" }))
      .click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("an unknown project says so", async ({ page }) => {
    await page.goto("/projects/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "项目不存在" })).toBeVisible();
  });

  test("the API answers unknown routes with the one error shape", async ({ request }) => {
    const response = await request.get("/api/no-such-route");
    expect(response.status()).toBe(404);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "NOT_FOUND" });
    expect(body.error.requestId).toBeTruthy();
  });
});
