import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support.js";

// Issue 10: a milestone made by mistake is withdrawn (撤销) with a reason; it stays on the
// project, struck through, and leaves the counters.

const MISTAKE = "e2e：误建的推进节点";
const REASON = "误建：与施工许可证办理重复";

async function overdueMilestones(page: Page) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据总览" }).click();
  const statistic = page.locator(".ant-statistic").filter({ hasText: "逾期推进节点" });
  await expect(statistic).toBeVisible();
  return Number((await statistic.locator(".ant-statistic-content-value").innerText()).replace(/,/g, ""));
}

test("the office withdraws a mistaken overdue milestone: struck through with its reason, and the counters drop", async ({
  page,
}) => {
  await signIn(page, "admin");
  // The mistake: an overdue milestone added to 学府园二期 for 住建.
  const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
  const projects = await (await page.request.get("/api/projects?pageSize=100")).json();
  const project = projects.items.find((p: { name: string }) => p.name === "学府园二期");
  const departments = await (await page.request.get("/api/departments")).json();
  const zhujian = departments.find((d: { code: string }) => d.code === "zhujian");
  const created = await page.request.post(`/api/projects/${project.id}/milestones`, {
    headers: { "x-csrf-token": csrfToken },
    data: {
      kind: "procedures",
      title: MISTAKE,
      dueDate: "2026-01-31",
      responsibleDepartmentId: zhujian.id,
      responsiblePersonId: null,
    },
  });
  expect(created.status()).toBe(201);

  await page.goto("/");
  const before = await overdueMilestones(page);

  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("学府园二期");
  const row = page
    .getByRole("table", { name: /本项目里程碑/ })
    .locator("tbody tr.ant-table-row")
    .filter({ hasText: MISTAKE });
  await expect(row).toContainText("已逾期");
  await row.getByRole("button", { name: new RegExp(`撤销\\s*${MISTAKE}`) }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`撤销推进节点：${MISTAKE}`);
  await dialog.getByRole("button", { name: /确认撤销/ }).click();
  await expect(dialog).toContainText("请填写撤销原因"); // nothing sent without a reason
  await dialog.getByLabel("撤销原因").fill(REASON);
  await expect(dialog).toContainText(`${REASON.length} / 500`);
  await dialog.getByRole("button", { name: /确认撤销/ }).click();
  await expect(page.getByText("已撤销", { exact: true }).first()).toBeVisible();

  // Still there, struck through and greyed, no longer late, with who, when and why on hover.
  await expect(row).toHaveClass(/row-withdrawn/);
  await expect(row.locator("td").first()).toHaveCSS("text-decoration-line", "line-through");
  await expect(row).not.toContainText("已逾期");
  await expect(row.getByRole("button", { name: /编\s*辑/ })).toHaveCount(0);
  const tag = row.locator(".withdrawn-tag");
  await tag.hover();
  await expect(page.getByRole("tooltip")).toContainText(`已撤销 · ${REASON} · 系统管理员`);

  // The toggle hides it.
  await page.getByLabel("显示已撤销").first().click();
  await expect(row).toHaveCount(0);

  // One overdue milestone fewer on the dashboard.
  expect(await overdueMilestones(page)).toBe(before - 1);
});
