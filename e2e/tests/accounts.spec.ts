import { expect, test, type Page } from "@playwright/test";
import { chooseOption, DEMO_PASSWORD, signIn, signInThroughPage } from "./support.js";

// Issue 3's journey: who may do what, who is responsible, and the record of it.

const REASON = "根据领导小组会议决定，由回迁安置科具体负责";

async function openProject(page: Page, name: string) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目台账" }).click();
  await page.getByRole("table", { name: "项目台账列表" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

/** Chooses in an Ant Design select the way a keyboard user does: type to search, Enter. */
async function pickOption(page: Page, label: string, option: string) {
  const combobox = page.getByRole("combobox", { name: label });
  await combobox.click();
  await combobox.fill(option);
  await expect(page.locator(".ant-select-dropdown:visible .ant-select-item-option").first()).toContainText(option);
  await combobox.press("Enter");
}

test("an administrator reassigns the responsible person of 向阳小区, with a reason, and finds it recorded", async ({
  page,
}) => {
  await signInThroughPage(page, "admin");
  await openProject(page, "向阳小区");

  const section = page.getByRole("region", { name: "责任分工" });
  await expect(section).toContainText("张主任（演示）");
  await section.getByRole("button", { name: "调整责任" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("调整项目责任：向阳小区");
  await pickOption(page, "责任人", "赵科长（演示）");
  await expect(dialog.locator(".ant-form-item").filter({ hasText: "责任人" })).toContainText("赵科长（演示）");
  await dialog.getByLabel("调整原因").fill(REASON);
  await dialog.getByRole("button", { name: /确\s*定|保\s*存/ }).click();
  await expect(dialog).toBeHidden();

  // On the project page…
  await expect(section).toContainText("赵科长（演示）");
  // …in its responsibility history, newest first…
  const history = section.getByRole("table", { name: /向阳小区责任变更记录/ });
  const newest = history.locator("tbody tr.ant-table-row").first();
  await expect(newest).toContainText("赵科长（演示）");
  await expect(newest).toContainText(REASON);
  await expect(newest).toContainText("系统管理员（演示）");
  await expect(history.locator("tbody tr.ant-table-row").last()).toContainText("工作方案确定"); // the plan's own, first

  // …and in the audit trail, with what it was before.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "操作日志" }).click();
  const audit = page.getByRole("table", { name: "操作日志，最新在前" });
  const row = audit.locator("tbody tr.ant-table-row").filter({ hasText: "调整责任" }).first();
  await expect(row).toContainText("系统管理员（演示）");
  await row.getByRole("button").first().click();
  const diff = page.getByRole("table", { name: "修改前后对照" }).first();
  await expect(diff).toContainText("张主任（演示）");
  await expect(diff).toContainText("赵科长（演示）");
  await expect(diff).toContainText(REASON);
});

test("a coordinator of 住建 finds no assignment controls, and the API refuses it", async ({ page }) => {
  await signInThroughPage(page, "coord-zhujian");
  await openProject(page, "向阳小区");
  const section = page.getByRole("region", { name: "责任分工" });
  await expect(section).toContainText("张主任（演示）");
  await expect(page.getByRole("button", { name: "调整责任" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "指定责任" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "操作日志" })).toHaveCount(0);

  // Even with the session's own CSRF token, the server says no and changes nothing.
  const me = await (await page.request.get("/api/auth/me")).json();
  const projectId = page.url().split("/").pop()!;
  const departments = await (await page.request.get("/api/departments")).json();
  const zhujian = departments.find((d: { code: string }) => d.code === "zhujian");
  const refused = await page.request.put(`/api/projects/${projectId}/responsibility`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: { departmentId: zhujian.id, personId: null, reason: "越权尝试", version: 1 },
  });
  expect(refused.status()).toBe(403);
  const project = await (await page.request.get(`/api/projects/${projectId}`)).json();
  expect(project.responsibleDepartment.name).toBe("双台子区政府");

  // The audit page is not theirs either.
  await page.goto("/audit");
  await expect(page.getByText("无权访问")).toBeVisible();
});

test("signing out ends the session and leads to the login page", async ({ page }) => {
  await signInThroughPage(page, "leader");
  await page.getByRole("button", { name: /市领导（演示）/ }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("用户名")).toBeVisible();
  // The old session is gone on the server: pages send the visitor back to sign in.
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login\?next=%2Fprojects/);
  // Signed out is an answer, not a failure: who am I says "nobody", and gives no CSRF token.
  const me = await page.request.get("/api/auth/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toEqual({ user: null, csrfToken: null });
});

test("the login page loads without a failed request or console error before anyone signs in", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login\?next=%2Fprojects/);
  await expect(page.getByLabel("用户名")).toBeVisible();
  expect(problems).toEqual([]);
});

test("too many wrong passwords: the login page says how long to wait, in words", async ({ page }) => {
  await page.goto("/login");
  /** One try through the form; the server's answer, awaited (the last try's message may still be on screen). */
  const attempt = async (password: string) => {
    await page.getByLabel("用户名").fill("no-such-user");
    await page.getByLabel("密码").fill(password);
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/auth/login"));
    await page.getByRole("button", { name: /登\s*录/ }).click();
    return (await answered).status();
  };
  // Three free failures, then a fourth that starts the wait (1 s, then 2, 4, 8 … after each
  // further failure): each of the four is judged, and says so.
  for (let i = 0; i < 4; i++) {
    expect(await attempt(`wrong-${i}`), `try ${i + 1}`).toBe(401);
    await expect(page.getByText("用户名或密码错误，请重新输入。")).toBeVisible();
  }
  // A try inside the wait is refused unjudged. The fifth comes "at once" only as fast as this
  // browser types: on a loaded machine the 1 s wait may be over by then, and the try is judged
  // (and doubles the wait). So try until one is refused; by the eighth the wait is 8 s.
  const statuses: number[] = [];
  for (let i = 4; i < 8 && statuses.at(-1) !== 429; i++) statuses.push(await attempt(`wrong-${i}`));
  expect(statuses, "tries 5…: judged until one is refused").toEqual([...statuses.slice(0, -1).map(() => 401), 429]);
  await expect(page.getByText(/登录失败次数过多，请 \d+ 秒后再试。/)).toBeVisible();
});

test("an account an administrator created must change its password at first sign-in, and is kept there until then", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin");
  const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
  const created = await page.request.post("/api/users", {
    headers: { "x-csrf-token": csrfToken },
    data: {
      username: "e2e-newcomer",
      displayName: "新同事",
      role: "leader",
      departmentId: null,
      personId: null,
      password: "Set-by-admin-2026",
    },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  // One wrong try first: the audit trail shows it below.
  await newcomer.request.post("/api/auth/login", { data: { username: "e2e-newcomer", password: "not-it-1" } });
  await signInThroughPage(newcomer, "e2e-newcomer", "Set-by-admin-2026");
  await expect(newcomer).toHaveURL(/\/account\/password$/);
  await expect(newcomer.getByText("您的密码由管理员设置")).toBeVisible();
  // Any other page leads back here.
  await newcomer.goto("/projects");
  await expect(newcomer).toHaveURL(/\/account\/password$/);
  await newcomer.getByLabel("当前密码").fill("Set-by-admin-2026");
  await newcomer.getByLabel("新密码", { exact: true }).fill("Mine-only-2026");
  await newcomer.getByLabel("确认新密码").fill("Mine-only-2026");
  await newcomer.getByRole("button", { name: "保存新密码" }).click();
  await expect(newcomer).not.toHaveURL(/\/account\/password/);
  await newcomer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目台账" }).click();
  await expect(newcomer.getByRole("table", { name: "项目台账列表" })).toBeVisible();
  await context.close();

  // The administrator finds the failed and the throttled sign-ins in the audit trail, by action.
  await page.goto("/audit");
  await chooseOption(page, page.getByRole("combobox", { name: /^操作\s*[:：]?$/ }), "登录失败");
  await expect(page).toHaveURL(/action=login_failed/);
  const audit = page.getByRole("table", { name: "操作日志，最新在前" });
  await expect(audit.locator("tbody tr.ant-table-row").first()).toContainText("登录失败");
});

test("a wrong password is refused on the login page, in Chinese", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(`${DEMO_PASSWORD}x`);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByText("用户名或密码错误，请重新输入。")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
