import { expect, test } from "@playwright/test";
import { chooseOption, signIn } from "./support.js";

// Issue 11: 水电暖问题. A leader records a heating problem of 广厦小区 reported on the 12345 hotline;
// in the heating season it is due in 24 hours. The responsible department's coordinator finds it
// on the board and resolves it; the ticket's history says who did what.

test("a heating ticket recorded on the board is resolved by the responsible department's coordinator", async ({
  page,
}) => {
  const description = `e2e：暖气不热，室温 12 ℃（${Date.now()}）`;
  await signIn(page, "leader");
  await page.goto("/tickets");
  await page.getByRole("button", { name: "登记问题" }).click();
  const dialog = page.getByRole("dialog", { name: "登记水电暖问题" });
  await chooseOption(page, dialog.getByRole("combobox", { name: "项目" }), "广厦小区");
  await chooseOption(page, dialog.getByRole("combobox", { name: "问题类别" }), "供暖");
  await chooseOption(page, dialog.getByRole("combobox", { name: "来源" }), "12345 热线");
  await dialog.getByLabel("问题描述").fill(description);
  await dialog.getByRole("button", { name: /^登\s*记$/ }).click();
  await expect(page.getByText(/问题已登记，须在 .* 前办结/)).toBeVisible();

  // Who answers for it: the ticket names its department; its coordinator is coord-<code>.
  const tickets = await (await page.request.get("/api/utility-tickets?kind=heating&pageSize=100")).json();
  const ticket = tickets.items.find((t: { description: string }) => t.description === description);
  const reportedAt = Date.parse(ticket.reportedAt);
  const inSeason = [11, 12, 1, 2, 3].includes(new Date(reportedAt + 8 * 3600_000).getUTCMonth() + 1);
  expect(Date.parse(ticket.deadlineAt) - reportedAt).toBe((inSeason ? 24 : 24 * 7) * 3600_000);
  const departments = await (await page.request.get("/api/departments")).json();
  const department = departments.find((d: { id: string }) => d.id === ticket.responsibleDepartment.id);

  // The leader may record, not handle.
  const table = page.getByRole("table", { name: "水电暖问题列表" });
  const row = table.locator("tbody tr.ant-table-row").filter({ hasText: description });
  await expect(row).toContainText("待处理");
  await expect(row.getByRole("button", { name: /办\s*理/ })).toHaveCount(0);

  await signIn(page, `coord-${department.code}`);
  await page.goto("/tickets?kind=heating");
  await row.getByRole("button", { name: `办理“${description}”` }).click();
  const handle = page.getByRole("dialog", { name: "办理供暖问题：广厦小区" });
  await chooseOption(page, handle.getByRole("combobox", { name: "变更为" }), "已解决");
  await handle.getByLabel("办理说明").fill("e2e：更换循环泵，室温恢复 20 ℃");
  await handle.getByRole("button", { name: /^确\s*认$/ }).click();
  await expect(page.getByText("问题状态已变更为“已解决”")).toBeVisible();
  await expect(row).toContainText("已解决");

  const events = await (await page.request.get(`/api/utility-tickets/${ticket.id}/events`)).json();
  expect(events.map((e: { to: string }) => e.to)).toEqual(["open", "resolved"]);
  expect(events[1].note).toBe("e2e：更换循环泵，室温恢复 20 ℃");
});
