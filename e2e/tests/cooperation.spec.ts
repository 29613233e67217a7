import { expect, test, type Page } from "@playwright/test";
import { chooseOption, signIn } from "./support.js";

// Issue 12: 牵头/配合. The office makes 双台子区政府 a cooperating department (配合单位) on
// 学府园二期's 施工许可证办理, which 住建 leads (牵头单位); 双台子's coordinator finds it in My work
// under 配合事项, adds a progress note (进展情况), and cannot move its status. Then the office issues a
// 督办单 to 住建 about 学府园二期 naming 双台子区政府 to cooperate; the printed notice copies it
// (抄送); 双台子's coordinator finds it in My work under 配合督办单, writes a progress note on it, and
// cannot sign for it (签收 is 住建's).

const PROJECT = "学府园二期";
const RECORD = "施工许可证办理";
const HELPER = "双台子区政府";

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test("the office sets a cooperating department; its coordinator finds the work under 配合, writes a note, and cannot move the status", async ({
  page,
}) => {
  await signIn(page, "admin");
  // No earlier run assumed: the milestone starts with no cooperating department.
  const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
  const projects = await (await page.request.get("/api/projects?pageSize=100")).json();
  const project = projects.items.find((p: { name: string }) => p.name === PROJECT);
  const detail = await (await page.request.get(`/api/projects/${project.id}`)).json();
  const milestone = detail.milestones.find(
    (m: { title: string; withdrawn: unknown }) => m.title === RECORD && !m.withdrawn,
  );
  const cleared = await page.request.put(`/api/milestones/${milestone.id}/cooperators`, {
    headers: { "x-csrf-token": csrfToken },
    data: { departmentIds: [] },
  });
  expect(cleared.status()).toBe(200);

  // The office: 详情 of the milestone, 设置配合单位.
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROJECT);
  const row = page
    .getByRole("table", { name: /本项目里程碑/ })
    .locator("tbody tr.ant-table-row")
    .filter({ hasText: RECORD });
  await row.getByRole("button", { name: new RegExp(`详情\\s*${RECORD}`) }).click();
  const drawer = page.locator(".ant-drawer").filter({ hasText: `推进节点：${RECORD}` });
  await expect(drawer).toContainText("市住建局"); // the lead
  await drawer.getByRole("button", { name: "设置配合单位" }).click();
  const modal = page.getByRole("dialog").filter({ hasText: `设置配合单位：${RECORD}` });
  const select = modal.getByRole("combobox", { name: "配合单位" });
  // A multiple select stays open after a choice: search, take the active option, close.
  await select.pressSequentially(HELPER);
  const listId = await select.getAttribute("aria-controls");
  const popup = page.locator(".ant-select-dropdown").filter({ has: page.locator(`[id="${listId}"]`) });
  await expect(popup.locator(".ant-select-item-option-active")).toHaveText(HELPER);
  await select.press("Enter");
  await select.press("Escape");
  await expect(modal.locator(".ant-select-selection-item")).toHaveText([HELPER]);
  const saved = page.waitForResponse((r) => r.url().endsWith("/cooperators") && r.request().method() === "PUT");
  await modal.getByRole("button", { name: /保\s*存/ }).click();
  expect((await saved).status()).toBe(200);
  await expect(modal).toHaveCount(0);
  await expect(drawer.locator(".ant-descriptions")).toContainText(HELPER);

  // 双台子's coordinator: My work, 配合事项.
  await switchUser(page, "coord-shuangtaizi");
  await page.goto("/my-work");
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: /配合事项/ }) });
  const entry = section.locator("tbody tr.ant-table-row").filter({ hasText: RECORD }).filter({ hasText: PROJECT });
  await expect(entry).toContainText("市住建局");
  await expect(entry).toContainText("已逾期");
  // The status is the lead's: a tag, no control.
  await expect(entry.getByRole("combobox")).toHaveCount(0);
  await expect(entry.getByRole("button", { name: /完\s*成/ })).toHaveCount(0);

  await entry.getByRole("button", { name: new RegExp(`详情\\s*${RECORD}`) }).click();
  const myDrawer = page.locator(".ant-drawer").filter({ hasText: `推进节点：${RECORD}` });
  await expect(myDrawer.getByRole("button", { name: "设置配合单位" })).toHaveCount(0);
  const note = `e2e：区政府已完成征收公示 ${Date.now()}`;
  await myDrawer.getByLabel("填写进展情况").fill(`  ${note}  `);
  const posted = page.waitForResponse((r) => r.url().endsWith("/notes") && r.request().method() === "POST");
  await myDrawer.getByRole("button", { name: /提\s*交/ }).click();
  expect((await posted).status()).toBe(201);
  const written = myDrawer.locator(".work-note").filter({ hasText: note });
  await expect(written).toContainText(HELPER);
  await expect(written).toContainText("配合");
  await expect(written.locator(".work-note-text")).toHaveText(note); // trimmed

  // And the server agrees: the status stays 住建's.
  const me = await (await page.request.get("/api/auth/me")).json();
  const moved = await page.request.patch(`/api/milestones/${milestone.id}`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: { status: "blocked", note: "e2e", version: milestone.version },
  });
  expect(moved.status()).toBe(403);
});

/** A day `days` from today in Panjin, as the date pickers take it. */
const dayFromToday = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + days * 86_400_000));

test("the office names a cooperating department on a notice; its coordinator finds it under 配合, writes a note, and cannot sign for it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const requirement = `e2e：请会同双台子区政府加快推进（${Date.now()}）`;
  await signIn(page, "admin");
  await page.goto("/notices");
  await page.getByRole("button", { name: "交办督办单" }).click();
  const dialog = page.getByRole("dialog", { name: "交办督办单" });
  // 督办对象 is the project by default; the project is searched on the server.
  const project = dialog.getByRole("combobox", { name: "所属项目" });
  const found = page.waitForResponse(
    (r) => r.url().includes("/api/projects?") && new URL(r.url()).searchParams.get("q") === PROJECT,
  );
  await project.fill(PROJECT);
  await found;
  await chooseOption(page, project, PROJECT);
  await chooseOption(page, dialog.getByRole("combobox", { name: "责任单位" }), "市住建局");
  // 配合单位: a multiple select stays open after a choice: search, take the active option, close.
  const helpers = dialog.getByRole("combobox", { name: "配合单位" });
  await helpers.pressSequentially(HELPER);
  const listId = await helpers.getAttribute("aria-controls");
  const popup = page.locator(".ant-select-dropdown").filter({ has: page.locator(`[id="${listId}"]`) });
  await expect(popup.locator(".ant-select-item-option-active")).toHaveText(HELPER);
  await helpers.press("Enter");
  await helpers.press("Escape");
  await expect(
    dialog
      .locator(".ant-form-item")
      .filter({ has: page.getByRole("combobox", { name: "配合单位" }) })
      .locator(".ant-select-selection-item"),
  ).toHaveText([HELPER]);
  await dialog.getByLabel("督办要求").fill(requirement);
  const replyBy = dialog.getByLabel("反馈时限");
  await replyBy.click();
  await replyBy.fill(dayFromToday(10));
  await replyBy.press("Tab");
  await dialog.getByRole("button", { name: "交办督办单" }).click();
  await expect(page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const issued = await (await page.request.get(`/api/supervision-notices/${id}`)).json();
  expect(issued).toMatchObject({ department: { name: "市住建局" }, cooperating: [{ name: HELPER }] });
  const number: string = issued.number;
  await expect(page.locator(".ant-descriptions")).toContainText(HELPER);

  // The printed sheet: a 配合单位 row under 责任单位, and 抄送 at the foot.
  await page.goto(`/notices/${id}/print`);
  await expect(page.getByRole("rowheader", { name: "配合单位" })).toBeVisible();
  await expect(page.getByText(`抄送：${HELPER}。`)).toBeVisible();

  // 双台子's coordinator: My work, 配合督办单, with its lead.
  await switchUser(page, "coord-shuangtaizi");
  await page.goto("/my-work");
  const helping = page.getByRole("region", { name: "配合督办单" }).getByRole("listitem").filter({ hasText: number });
  await expect(helping).toContainText("牵头单位 市住建局");
  await helping.getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(new RegExp(`/notices/${id}$`));
  // 签收 is the lead's: no step to take here.
  await expect(page.getByRole("group", { name: "可办理的操作" })).toHaveCount(0);
  const note = `e2e：区政府已协调征收补偿资金 ${Date.now()}`;
  await page.getByLabel("填写进展情况").fill(note);
  const posted = page.waitForResponse((r) => r.url().endsWith(`/${id}/notes`) && r.request().method() === "POST");
  await page.getByRole("button", { name: /提\s*交/ }).click();
  expect((await posted).status()).toBe(201);
  const written = page.locator(".work-note").filter({ hasText: note });
  await expect(written).toContainText(HELPER);
  await expect(written).toContainText("配合");

  // And the server agrees: signing for it is 住建's.
  const me = await (await page.request.get("/api/auth/me")).json();
  const receipt = await page.request.post(`/api/supervision-notices/${id}/receipt`, {
    headers: { "x-csrf-token": me.csrfToken },
  });
  expect(receipt.status()).toBe(403);
});
