import { expect, test, type Page } from "@playwright/test";
import { chooseOption, signIn, signInThroughPage } from "./support.js";

// Issue 5's journey: the working group reviews 宏伟小区 and hands out two follow-up actions;
// 住建 sees its action in My work at once and moves it; every member department present
// signs in turn; the last signature locks the record. Role rules and the audit trail hold.

/** A day `days` from today in Panjin, as the date pickers take it. */
function dayFromToday(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at);
}

const PROJECT = "宏伟小区";
const ACTION_ZHUJIAN = "e2e：确定续建代建单位";
const ACTION_FAYUAN = "e2e：协调解除在建工程查封";
const FINDING = "e2e：开发企业资金链断裂，主体工程停工两年";
const DECISION = "e2e：住建局牵头引入代建单位，法院协调解除查封";

/** Picks an option of an antd select named by its label, as a user would. */
async function choose(page: Page, label: string, option: string) {
  // A person's option carries the title too: 李科长（演示）（房屋征收科科长）.
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await chooseOption(page, page.getByRole("combobox", { name: label }), new RegExp(`^${escaped}`));
}

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** Signs the open review as the signed-in coordinator's department, through the confirm dialog. */
async function signAs(page: Page, username: string, reviewUrl: string) {
  await switchUser(page, username);
  // The record waits in the department's My work, under 待会签.
  await page.goto("/my-work");
  await page
    .getByRole("list", { name: /研判会纪要待本单位会签/ })
    .getByRole("link", { name: new RegExp(`^${dayFromToday(0)} .*（宏伟小区）$`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`${reviewUrl}$`));
  await page.getByRole("button", { name: "签署" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认签署" }).click();
  await expect(page.getByRole("button", { name: "签署" })).toHaveCount(0);
}

/** A write through the API as the signed-in user (with the session's CSRF token). */
async function apiWrite(page: Page, method: "POST" | "PATCH", url: string, data: unknown) {
  const me = await page.request.get("/api/auth/me");
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return page.request.fetch(url, { method, data, headers: { "x-csrf-token": csrfToken } });
}

test("the working group records a review of 宏伟小区; actions reach My work; each department signs; it locks", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const due = dayFromToday(30);

  // The working group lands on its queue and starts a review from 宏伟小区's row.
  await signInThroughPage(page, "wg");
  await expect(page).toHaveURL(/\/problem-queue$/);
  const queue = page.getByRole("table", { name: "问题项目，最久未研判的在前" });
  const row = queue.locator("tbody tr.ant-table-row").filter({ hasText: PROJECT });
  await expect(row).toContainText("个性问题");
  await row.getByRole("link", { name: "记录研判" }).click();
  await expect(page).toHaveURL(/\/reviews\/new\?/);
  await expect(page.getByRole("heading", { name: `项目1：${PROJECT}` })).toBeVisible();

  const attendees = page.getByRole("group", { name: "参会人员" });
  for (const person of ["李科长（演示）", "蒋庭长（演示）", "张主任（演示）"])
    await attendees.getByRole("checkbox", { name: new RegExp(`^${person}`) }).check();
  await page.getByLabel("研判情况").fill(FINDING);
  await page.getByLabel("议定事项").fill(DECISION);

  const actions: [string, string, string][] = [
    [ACTION_ZHUJIAN, "市住建局", "李科长（演示）"],
    [ACTION_FAYUAN, "市法院", "蒋庭长（演示）"],
  ];
  for (const [i, [title, department, person]] of actions.entries()) {
    await page.getByRole("button", { name: /添加后续工作/ }).click();
    const label = (field: string) => `${PROJECT}第 ${i + 1} 项后续工作：${field}`;
    await page.getByLabel(label("事项")).fill(title);
    await choose(page, label("责任单位"), department);
    await choose(page, label("责任人"), person);
    const date = page.getByLabel(label("完成时限"));
    await date.click();
    await date.fill(due);
    await date.press("Enter");
    await expect(date).toHaveValue(due);
  }
  await page.getByRole("button", { name: "保存研判记录" }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
  const reviewUrl = new URL(page.url()).pathname;
  const reviewId = reviewUrl.split("/").pop()!;

  // The minutes: findings, decisions, the actions table, and three departments to sign.
  const minutes = page.getByRole("article");
  await expect(minutes.getByRole("heading", { level: 1 })).toContainText("研判会纪要");
  await expect(minutes).toContainText(FINDING);
  await expect(minutes).toContainText(DECISION);
  await expect(minutes).toContainText(ACTION_ZHUJIAN);
  await expect(minutes).toContainText(ACTION_FAYUAN);
  await expect(minutes).toContainText("会签中：已签 0 / 3 个单位");

  // 住建's coordinator finds the action in My work at once, from the review, and moves it.
  await switchUser(page, "coord-zhujian");
  await page.goto("/my-work");
  const work = page.getByRole("table", { name: /本部门负责的未完成推进节点与整改事项/ });
  const action = work.locator("tbody tr.ant-table-row").filter({ hasText: ACTION_ZHUJIAN });
  await expect(action).toContainText(PROJECT);
  await expect(action.getByRole("link", { name: /研判会/ })).toBeVisible();
  await chooseOption(page, page.getByRole("combobox", { name: `更改“${ACTION_ZHUJIAN}”的状态` }), "进行中");
  await expect(page.getByText("状态已更新为“进行中”")).toBeVisible();
  // Coordinators cannot record reviews: no page, and the API refuses.
  expect((await apiWrite(page, "POST", "/api/reviews", {})).status()).toBe(403);
  await page.goto("/reviews/new");
  await expect(page.getByRole("button", { name: "保存研判记录" })).toHaveCount(0);

  // Each member department present signs in turn; the minutes follow.
  await signAs(page, "coord-zhujian", reviewUrl);
  await expect(page.getByRole("article")).toContainText("会签中：已签 1 / 3 个单位");
  await signAs(page, "coord-fayuan", reviewUrl);
  // A member department that was not present (国土) has nothing to sign.
  await switchUser(page, "coord-guotu");
  await page.goto(reviewUrl);
  await expect(page.getByRole("article")).toContainText("会签中：已签 2 / 3 个单位");
  await expect(page.getByRole("button", { name: "签署" })).toHaveCount(0);
  await signAs(page, "coord-shuangtaizi", reviewUrl);
  await expect(page.getByText("已锁定").first()).toBeVisible();
  await expect(page.getByRole("article")).toContainText("本纪要已锁定");

  // Locked: the working group has no edit any more, and an edit through the API is refused.
  await switchUser(page, "wg");
  await page.goto(reviewUrl);
  await expect(page.getByRole("article")).toContainText(FINDING);
  await expect(page.getByRole("button", { name: "编辑" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "补充说明" })).toBeVisible();
  const current = (await (await page.request.get(`/api/reviews/${reviewId}`)).json()) as { version: number };
  const edit = await apiWrite(page, "PATCH", `/api/reviews/${reviewId}`, {
    heldOn: dayFromToday(-1),
    version: current.version,
  });
  expect(edit.status()).toBe(409);

  // Leaders read the record, sign nothing, and find every step in the audit trail.
  await switchUser(page, "leader");
  await page.goto(reviewUrl);
  await expect(page.getByRole("article")).toContainText(ACTION_FAYUAN);
  await expect(page.getByRole("button", { name: "签署" })).toHaveCount(0);
  const trail = (await (
    await page.request.get(`/api/audit-events?entityType=review&entityId=${reviewId}&pageSize=50`)
  ).json()) as { items: { action: string; actorName: string }[] };
  expect(trail.items.map((e) => e.action).sort()).toEqual(
    ["create", "project_reviewed", "sign", "sign", "sign", "lock"].sort(),
  );
  const items = (await (await page.request.get("/api/audit-events?entityType=item&pageSize=50")).json()) as {
    items: { action: string; after: Record<string, unknown> | null }[];
  };
  expect(items.items.some((e) => e.action === "create" && e.after?.reviewId === reviewId)).toBe(true);
  expect(items.items.some((e) => e.action === "status_in_progress")).toBe(true);
});
