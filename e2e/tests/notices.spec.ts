import { expect, test, type Page } from "@playwright/test";
import { chooseOption, signIn } from "./support.js";

// Issue 12: the office runs the alert rules from the notification centre and issues a yellow
// 督办单 to 住建 about its overdue 施工许可证办理 (学府园二期, due 2019-12-31); 住建's coordinator
// finds it first in My work and the alerts in the bell, signs for it (签收) and replies (反馈);
// the office reviews and accepts it (销号); the printed notice carries its number; 住建's scorecard
// counts it answered by its day, and the weekly briefing counts it and prints.

const PROJECT = "学府园二期";
const RECORD = "施工许可证办理"; // the milestone: 住建's, overdue since 2019-12-31

/** A day `days` from today in Panjin, as the date pickers take it. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

type Notification = { id: string; title: string; link: string; readAt: string | null };
async function latestNotifications(page: Page): Promise<{ items: Notification[]; unread: number }> {
  const res = await page.request.get("/api/notifications?page=1&pageSize=8");
  expect(res.status()).toBe(200);
  return res.json();
}

test("alerts run by the office; a yellow notice to 住建 signed for, answered and closed; the bell and the print", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const requirement = `e2e：施工许可证逾期未办理，请于反馈时限内办结并反馈（${stamp}）`;
  const measures = `e2e：已会同市行政审批局完成联合审查，施工许可证已核发（${stamp}）`;

  // The office runs the rules now. A run while the API's own job holds the lock is skipped and
  // says so; the office runs it again.
  await switchUser(page, "admin");
  await page.goto("/notifications");
  const run = page.getByRole("button", { name: "立即运行预警" });
  await expect(async () => {
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/alerts/run") && r.request().method() === "POST"),
      run.click(),
    ]);
    const result = (await answer.json()) as { raised: number; notified: number; skipped: boolean };
    expect(result.skipped).toBe(false);
    await expect(
      page.getByText(`预警已运行：新增预警 ${result.raised} 条，发出通知 ${result.notified} 条`),
    ).toBeVisible();
  }).toPass({ timeout: 30_000 });

  // The record is overdue, and 住建's.
  const departments = await (await page.request.get("/api/departments")).json();
  const zhujian = departments.find((d: { code: string }) => d.code === "zhujian");
  const board = await (
    await page.request.get(`/api/overdue-work?kind=milestone&responsibleDepartmentId=${zhujian.id}&pageSize=100`)
  ).json();
  expect(
    board.items.some(
      (w: { title: string; project: { name: string } }) => w.title === RECORD && w.project.name === PROJECT,
    ),
    `${PROJECT} ${RECORD} on 住建's overdue board`,
  ).toBe(true);

  // 交办: yellow, about the milestone; the department comes from the record.
  await page.goto("/notices");
  await page.getByRole("button", { name: "交办督办单" }).click();
  const dialog = page.getByRole("dialog", { name: "交办督办单" });
  await chooseOption(page, dialog.getByRole("combobox", { name: "督办等级" }), "黄色督办");
  await chooseOption(page, dialog.getByRole("combobox", { name: "督办对象" }), "推进节点");
  // The project is searched on the server; its milestones come with the project's record.
  const project = dialog.getByRole("combobox", { name: "所属项目" });
  const found = page.waitForResponse(
    (r) => r.url().includes("/api/projects?") && new URL(r.url()).searchParams.get("q") === PROJECT,
  );
  await project.fill(PROJECT);
  await found;
  const detail = page.waitForResponse((r) => /^\/api\/projects\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname));
  await chooseOption(page, project, PROJECT);
  await detail;
  const milestone = dialog.getByRole("combobox", { name: "推进节点" });
  // (`has` takes a locator relative to the form item: the page's, not the dialog's.)
  const milestoneItem = dialog
    .locator(".ant-form-item")
    .filter({ has: page.getByRole("combobox", { name: "推进节点" }) });
  await expect(milestoneItem).toHaveCount(1);
  await expect(milestoneItem.locator(".anticon-loading")).toHaveCount(0);
  await chooseOption(page, milestone, RECORD);
  await expect(dialog.locator(".ant-form-item").filter({ hasText: /^责任单位/ })).toContainText("市住建局");
  await dialog.getByLabel("督办要求").fill(requirement);
  const replyBy = dialog.getByLabel("反馈时限");
  await replyBy.click();
  await replyBy.fill(dayFromToday(7));
  await replyBy.press("Tab"); // Enter would send the form from the field
  await expect(replyBy).toHaveValue(dayFromToday(7));
  await dialog.getByRole("button", { name: "交办督办单" }).click();
  await expect(page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const issued = await (await page.request.get(`/api/supervision-notices/${id}`)).json();
  const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
  expect(issued).toMatchObject({ level: "yellow", status: "issued", targetLabel: `${PROJECT}：${RECORD}` });
  expect(issued.number).toMatch(new RegExp(`^盘回迁督〔${year}〕\\d+号$`));
  const number: string = issued.number;
  await expect(page.getByText(`已交办 ${number}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(number);

  // 住建's coordinator: the notice is among My work's 督办单 (they come first), in its colour.
  await switchUser(page, "coord-zhujian");
  await page.goto("/my-work");
  const mine = page.getByRole("region", { name: "本单位督办单" }).getByRole("listitem").filter({ hasText: number });
  await expect(mine).toContainText("黄色督办");
  await expect(mine).toContainText(`${PROJECT}：${RECORD}`);

  // The bell counts what the rules told 住建; one opened is read and leads to its record.
  const latest = await latestNotifications(page);
  expect(latest.unread).toBeGreaterThan(0);
  const bell = page.getByRole("button", { name: `通知，${latest.unread} 条未读` });
  await expect(bell).toBeVisible();
  await bell.click();
  const menu = page.locator(".notification-popup");
  const first = latest.items.find((n) => n.readAt === null)!;
  expect(first, "an unread one among the latest").toBeTruthy();
  // Menu items are taken from the keyboard, like a select's option (support.ts): once a click here
  // missed, the page behind still being drawn (a scrollbar appearing moves the bell and its menu).
  await menu.getByRole("menuitem").filter({ hasText: first.title }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`${escape(first.link)}$`));
  await expect(page.getByRole("button", { name: `通知，${latest.unread - 1} 条未读` })).toBeVisible();

  // 查看全部: the notification centre holds the alert about the record the notice is about.
  await page.getByRole("button", { name: /^通知/ }).click();
  await menu.getByRole("menuitem", { name: "查看全部通知" }).press("Enter");
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("radio", { name: "全部" })).toBeChecked();
  await page.goto("/notifications?pageSize=100");
  const table = page.getByRole("table", { name: "通知列表" });
  await expect(table.locator("tbody tr.ant-table-row").filter({ hasText: `${PROJECT}节点「${RECORD}」` })).toHaveCount(
    1,
  );
  // From the keyboard: the filter is a radio group.
  await page.getByRole("radio", { name: "全部" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "未读" })).toBeChecked();
  await expect(page).toHaveURL(/unread=true/);
  await expect(table.getByText(first.title)).toHaveCount(0);

  // 签收, confirmed from the keyboard.
  await page.goto("/my-work");
  await mine.getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(new RegExp(`/notices/${id}$`));
  await page.getByRole("button", { name: /^签\s*收$/ }).click();
  const confirm = page.getByRole("tooltip").getByRole("button", { name: /^签\s*收$/ });
  await expect(confirm).toBeVisible();
  await confirm.press("Enter");
  await expect(page.getByText("已签收", { exact: true }).first()).toBeVisible();

  // 反馈: the measures taken.
  await page.getByRole("button", { name: /^反\s*馈$/ }).click();
  const reply = page.getByRole("dialog", { name: `反馈 ${number}` });
  await reply.getByLabel("整改措施及成效").fill(measures);
  await reply.getByRole("button", { name: /^反\s*馈$/ }).click();
  await expect(page.getByText("已反馈，等待领导小组办公室复核")).toBeVisible();
  await expect(reply).toHaveCount(0);

  // The office reviews it: accepted, 销号.
  await switchUser(page, "admin");
  await page.goto(`/notices/${id}`);
  await page.getByRole("button", { name: /^复\s*核$/ }).click();
  const review = page.getByRole("dialog", { name: `复核 ${number}` });
  await expect(review).toContainText(measures);
  await expect(review.getByRole("radio", { name: "通过，予以销号" })).toBeChecked();
  await review.getByRole("button", { name: /^复\s*核$/ }).click();
  await expect(page.getByText("复核意见已提交")).toBeVisible();
  const closed = await (await page.request.get(`/api/supervision-notices/${id}`)).json();
  expect(closed).toMatchObject({ status: "closed", measures });
  expect(closed.closedAt).not.toBeNull();
  await expect(page.getByRole("button", { name: /^复\s*核$/ })).toHaveCount(0);
  await expect(page.getByText("已销号").first()).toBeVisible();
  const events = await (await page.request.get(`/api/supervision-notices/${id}/events`)).json();
  expect(events.map((e: { step: string }) => e.step)).toEqual(["issue", "receipt", "reply", "review"]);

  // The printable A4 notice: its number under the title, the reply and the review on it.
  await page.goto(`/notices/${id}/print`);
  const sheet = page.getByRole("article", { name: "督办单" });
  await expect(sheet.getByText(number, { exact: true })).toBeVisible();
  await expect(sheet).toContainText(measures);
  await expect(sheet).toContainText("复核通过，予以销号。");
  await expect(sheet).toContainText("市住建局");
  await expect(sheet).toContainText("黄色督办");

  // 绩效考评: this quarter, by department; 住建's 督办反馈 counts the notice answered by its day,
  // and its records name it with the day of the reply.
  await page.goto("/scorecards");
  await page.getByRole("radiogroup", { name: "考评对象" }).getByText("按责任单位").click();
  await expect(page.getByRole("radio", { name: "按责任单位" })).toBeChecked();
  const ranking = page.getByRole("table", { name: "绩效考评排名" });
  const zhujianRow = ranking.locator("tbody tr.ant-table-row").filter({ hasText: "市住建局" });
  const answered = zhujianRow.getByRole("button", { name: /^查看市住建局的督办反馈明细/ });
  await expect(answered).toHaveText(/^\d+\/\d+ 份按期反馈$/);
  const [onTime, due] = (await answered.innerText()).match(/\d+/g)!.map(Number);
  expect(onTime, "at least this notice answered by its day").toBeGreaterThanOrEqual(1);
  expect(due).toBeGreaterThanOrEqual(onTime!);
  await answered.click();
  const drill = page.getByRole("table", { name: "市住建局 · 督办反馈明细" });
  const line = drill.locator("tbody tr.ant-table-row").filter({ hasText: number });
  await expect(line).toContainText(dayFromToday(0));
  await expect(line).toContainText("按期");

  // The weekly briefing counts it among the week's notices, and prints.
  await page.goto("/reports/briefing");
  const briefing = page.getByRole("article", { name: "工作简报" });
  await expect(briefing).toContainText(/本周交办督办单[1-9]\d*件/);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  expect((await page.pdf({ preferCSSPageSize: true })).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
