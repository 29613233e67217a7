import { expect, test, type Page } from "@playwright/test";
import { chooseOption, signIn, signInThroughPage } from "./support.js";

// Issue 4's journey: a district government's coordinator works its ledger; the figures follow.

const MILESTONE = "剩余住户回迁入住";

/** Changes a work status through its select, the way a user does, and waits for the answer. */
async function changeStatus(page: Page, title: string, status: string) {
  await chooseOption(page, page.getByRole("combobox", { name: `更改“${title}”的状态` }), status);
}

async function openProject(page: Page, name: string) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目台账" }).click();
  await page.getByRole("table", { name: "项目台账列表" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test("a 双台子区 coordinator marks a milestone done from My work and reports 20 households; page and dashboard follow", async ({
  page,
}) => {
  await signInThroughPage(page, "coord-shuangtaizi");
  await expect(page).toHaveURL(/\/my-work$/);
  // The city's figure before (other specs may have moved households meanwhile: read, never assume).
  const cityBefore: number = (await (await page.request.get("/api/dashboard")).json()).totals.movedBack;
  const table = page.getByRole("table", { name: /本部门负责的未完成推进节点与整改事项/ });
  const row = table.locator("tbody tr.ant-table-row").filter({ hasText: MILESTONE }).filter({ hasText: "向阳小区" });
  await expect(row).toContainText("已逾期");

  // Done is a completion: the day and what was done (a milestone needs no 复核 by default).
  await row.getByRole("button", { name: /^完\s*成$/ }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(`完成推进节点：${MILESTONE}`) });
  const date = dialog.getByLabel("完成日期");
  await date.click();
  await date.fill("2026-11-30");
  await date.press("Enter");
  await dialog.getByLabel("完成说明").fill("e2e：剩余住户已全部入住");
  await dialog.getByRole("button", { name: "确认完成" }).click();
  await expect(page.getByText("已登记完成", { exact: true })).toBeVisible();
  await expect(row).toHaveCount(0);

  await openProject(page, "向阳小区");
  const summary = page.getByRole("region", { name: "基本情况" });
  await expect(summary).toContainText("920 户");
  const form = page.getByRole("form", { name: "上报回迁户数" });
  await form.getByLabel("回迁户数").fill("20");
  await form.getByLabel("说明").fill("e2e：12月回迁 20 户");
  await form.getByRole("button", { name: /上\s*报/ }).click();
  await expect(page.getByText("回迁户数已上报")).toBeVisible();
  await expect(summary).toContainText("940 户");
  const ledger = page.getByRole("table", { name: "回迁进度台账，最新在前" });
  await expect(ledger.locator("tbody tr.ant-table-row").first()).toContainText("e2e：12月回迁 20 户");

  // The timetable shows the milestone done, by whom.
  const done = page.locator("tr").filter({ hasText: MILESTONE });
  await expect(done.first()).toContainText("已完成");

  // The dashboard's moved-back total follows: + 20.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据总览" }).click();
  await expect(page.getByRole("region", { name: "总体情况" })).toContainText(
    `${(cityBefore + 20).toLocaleString("en-US")}户`,
  );
});

test("a stale page that edits the same milestone sees the conflict and loses nothing", async ({ browser }) => {
  const first = await browser.newPage({ locale: "zh-CN" });
  const second = await browser.newPage({ locale: "zh-CN" });
  await signIn(first, "coord-shuangtaizi");
  await signIn(second, "coord-shuangtaizi");
  const title = "主体工程建设"; // 学府园二期, planned, 双台子区政府's
  await first.goto("/my-work");
  await second.goto("/my-work");
  await expect(second.getByRole("combobox", { name: `更改“${title}”的状态` })).toBeVisible();

  await changeStatus(first, title, "进行中");
  await expect(first.getByText("状态已更新为“进行中”")).toBeVisible();

  // The second page still shows 未开始 and marks it blocked, with the reason.
  await changeStatus(second, title, "受阻");
  const reason = second.getByRole("dialog", { name: `标记为受阻：${title}` });
  await reason.getByLabel("受阻原因").fill("e2e：施工单位未进场");
  await reason.getByRole("button", { name: "标记为受阻" }).click();
  const dialog = second.getByRole("dialog").filter({ hasText: "其他人已修改了这条记录" });
  await expect(dialog).toContainText("进行中");
  await dialog.getByRole("button", { name: "在最新版本上重新提交" }).click();
  await expect(second.getByText("状态已更新为“受阻”")).toBeVisible();

  // Both changes are in the record: the first's move, then the second's re-applied one.
  const me = await (await second.request.get("/api/auth/me")).json();
  expect(me.user.username).toBe("coord-shuangtaizi");
  const work = await (await second.request.get("/api/my-work")).json();
  const entry = work.entries.find((e: { title: string }) => e.title === title);
  expect(entry).toMatchObject({ status: "blocked", blockedReason: "e2e：施工单位未进场" });
  expect(entry.version).toBeGreaterThanOrEqual(3);
  await first.close();
  await second.close();
});

test("住建's coordinator cannot report progress for 向阳小区: no form, and the API refuses, writing nothing", async ({
  page,
}) => {
  await signInThroughPage(page, "coord-zhujian");
  await openProject(page, "向阳小区");
  await expect(page.getByRole("form", { name: "上报回迁户数" })).toHaveCount(0);
  const projectId = page.url().split("/").pop()!;
  const before = await (await page.request.get(`/api/projects/${projectId}`)).json();
  const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
  const refused = await page.request.post(`/api/projects/${projectId}/progress-reports`, {
    headers: { "x-csrf-token": csrfToken },
    data: { reportedOn: "2026-11-20", households: 5, note: "越权" },
  });
  expect(refused.status()).toBe(403);
  const after = await (await page.request.get(`/api/projects/${projectId}`)).json();
  expect(after.movedBack).toBe(before.movedBack);
});

test("a report that would exceed the project's total is refused, and nothing changes", async ({ page }) => {
  await signInThroughPage(page, "coord-shuangtaizi");
  await openProject(page, "向阳小区");
  const projectId = page.url().split("/").pop()!;
  const movedBack = async () => (await (await page.request.get(`/api/projects/${projectId}`)).json()).movedBack;
  const before = await movedBack();
  await expect(page.getByRole("region", { name: "基本情况" })).toContainText(`${before} 户`);
  const form = page.getByRole("form", { name: "上报回迁户数" });
  await form.getByLabel("回迁户数").fill("1000");
  await form.getByRole("button", { name: /上\s*报/ }).click();
  // Refused where it is typed: more than the households still to move back.
  await expect(form.getByText(`超过尚未回迁的 ${1208 - before} 户，请核对户数`)).toBeVisible();
  expect(await movedBack()).toBe(before);
  await page.reload();
  await expect(page.getByRole("region", { name: "基本情况" })).toContainText(`${before} 户`);
});
