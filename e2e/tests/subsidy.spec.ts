import { expect, test } from "@playwright/test";
import { signIn } from "./support.js";

// Issue 11: 临时安置补助费. The demo: 广厦小区 pays 800 yuan per household per month from January
// 2025, paid through August 2026 except five households behind since June 2026. The district's
// coordinator records a payment for the oldest open month of the first household owed; that
// month's arrear is cleared and the project's amount owed falls by as much.

type Detail = { months: { month: string; owedFen: number }[] };

test("双台子区's coordinator records a payment that clears a household's oldest arrear", async ({ page }) => {
  await signIn(page, "coord-shuangtaizi");
  const projects = await (await page.request.get("/api/projects?pageSize=100")).json();
  const guangsha = projects.items.find((p: { code: string }) => p.code === "guangsha");
  const owedBefore = (await (await page.request.get(`/api/projects/${guangsha.id}/subsidy`)).json()).arrears.amountOwed;

  await page.goto(`/projects/${guangsha.id}?tab=subsidy`);
  await expect(page.getByRole("tab", { name: "临时安置补助费", selected: true })).toBeVisible();
  const table = page.getByRole("table", { name: "各户补助发放情况" });
  const row = table.locator("tbody tr.ant-table-row").first();
  await expect(row).toContainText(/\d{4}-\d{2}/);
  const name = (await row.locator("td").first().innerText()).trim();

  // Which household and month: the list's first (oldest unpaid first); the dialog offers that month first.
  const accounts = await (
    await page.request.get(`/api/projects/${guangsha.id}/subsidy/households?owing=true&pageSize=1`)
  ).json();
  const householdId: string = accounts.items[0].householdId;
  const oldest: string = accounts.items[0].oldestDueMonth;
  const before: Detail = await (await page.request.get(`/api/households/${householdId}/subsidy`)).json();
  const open = before.months.find((m) => m.month === oldest)!.owedFen;

  await row.getByRole("button", { name: `为“${name}”登记补助发放` }).click();
  const dialog = page.getByRole("dialog", { name: `登记补助发放：${name}` });
  await expect(dialog.getByRole("combobox", { name: "补助月份" }).locator("xpath=..")).toHaveAttribute(
    "title",
    new RegExp(`^${oldest}`),
  );
  const amount = dialog.getByLabel("发放金额（元）");
  await expect(amount).toHaveValue((open / 100).toFixed(2));

  // A wrong amount is refused where it is typed, not rounded.
  await amount.fill("800.505");
  await dialog.getByRole("button", { name: "登记发放" }).click();
  await expect(dialog.getByText("请输入大于 0 的金额，最多两位小数")).toBeVisible();
  await amount.fill((open / 100).toFixed(2));
  await dialog.getByLabel("凭证号").fill("E2E-0001");
  await dialog.getByRole("button", { name: "登记发放" }).click();
  await expect(page.getByText(`已登记“${name}” ${oldest} 的补助发放`)).toBeVisible();

  const after: Detail = await (await page.request.get(`/api/households/${householdId}/subsidy`)).json();
  expect(after.months.find((m) => m.month === oldest)!.owedFen).toBe(0);
  const owedAfter = (await (await page.request.get(`/api/projects/${guangsha.id}/subsidy`)).json()).arrears.amountOwed;
  expect(owedAfter).toBe(owedBefore - open);
});
