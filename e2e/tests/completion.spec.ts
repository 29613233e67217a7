import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support.js";

// Issue 10, "closing overdue work too easily": completing work asks for the day and a note and
// takes evidence; an item raised by a review waits for the office's verification (复核), which
// may return it with a reason.

const ITEM = "续建资金方案报市政府审定"; // 宏伟小区, 财政's, raised by the demo review
const NOTE = "e2e：续建资金方案已报市政府常务会审定";
const RETURN_REASON = "e2e：缺少市政府会议纪要扫描件";

// A 1 × 1 PNG: what a phone photo is to the server's check of a file's first bytes.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function item(page: Page) {
  const work = await (await page.request.get("/api/my-work")).json();
  return [...work.entries, ...work.awaitingVerification].find((e: { title: string }) => e.title === ITEM);
}

/** The item as its project's list has it (what the project page shows). */
async function itemRecord(page: Page, entry: { id: string; projectId: string }) {
  const items = await (await page.request.get(`/api/projects/${entry.projectId}/items`)).json();
  return items.find((i: { id: string }) => i.id === entry.id);
}

function myWorkRow(page: Page) {
  return page
    .getByRole("table", { name: /本部门负责的未完成推进节点与整改事项/ })
    .locator("tbody tr.ant-table-row")
    .filter({ hasText: ITEM });
}

test("an item decided in a review: completed with date, note and a photo, returned by the office, completed again and verified", async ({
  page,
}) => {
  await signIn(page, "coord-caizheng");
  const entry = await item(page);
  expect(entry.status).toBe("in_progress");
  await page.goto("/my-work");
  const row = myWorkRow(page);
  await row.getByRole("button", { name: /^完\s*成$/ }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(`完成整改事项：${ITEM}`) });
  await expect(dialog).toContainText("须经领导小组办公室复核");

  // Nothing typed: both fields say what they need, and nothing is written.
  await dialog.getByRole("button", { name: "确认完成" }).click();
  await expect(dialog.getByText("请选择完成日期")).toBeVisible();
  await expect(dialog.getByText("请填写完成说明")).toBeVisible();
  expect((await itemRecord(page, entry)).status).toBe("in_progress");

  // A text file is refused where it is chosen; the photo is taken.
  const input = dialog.locator("input[type=file]");
  await input.setInputFiles({ name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
  await expect(dialog.getByText(/“说明.txt”不是照片或扫描件/)).toBeVisible();
  await input.setInputFiles({ name: "会议纪要.png", mimeType: "image/png", buffer: PNG });
  await expect(dialog.getByText("会议纪要.png").first()).toBeVisible();

  const date = dialog.getByLabel("完成日期");
  await date.click();
  await date.fill("2026-11-28");
  await date.press("Enter");
  await dialog.getByLabel("完成说明").fill(NOTE);
  await dialog.getByRole("button", { name: "确认完成" }).click();
  await expect(page.getByText("已登记完成，等待领导小组办公室复核")).toBeVisible();
  await expect(dialog).toHaveCount(0);

  const completed = await itemRecord(page, entry);
  expect(completed).toMatchObject({
    status: "awaiting_verification",
    completedOn: "2026-11-28",
    completionNote: NOTE,
    evidenceCount: 1,
  });
  // The photo comes back as it went in, to any reader.
  const evidence = await (await page.request.get(`/api/items/${entry.id}/evidence`)).json();
  expect(evidence.files.map((f: { fileName: string }) => f.fileName)).toEqual(["会议纪要.png"]);
  const download = await page.request.get(`/api/evidence/${evidence.files[0].id}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);

  // The office finds it at the top of its My work; returning it needs the reason.
  await signIn(page, "admin");
  await page.goto("/my-work");
  const queue = page.getByRole("region", { name: /待复核/ });
  const waiting = queue.locator("tbody tr.ant-table-row").filter({ hasText: ITEM });
  await expect(waiting).toBeVisible();
  await waiting.getByRole("button", { name: /^复\s*核$/ }).click();
  const verify = page.getByRole("dialog", { name: new RegExp(`复核：${ITEM}`) });
  await expect(verify).toContainText(NOTE);
  await expect(verify.getByRole("link", { name: "会议纪要.png" })).toBeVisible();
  await verify.getByRole("button", { name: /^退\s*回$/ }).click();
  await expect(verify.getByText("退回须填写原因")).toBeVisible();
  expect((await itemRecord(page, entry)).status).toBe("awaiting_verification");
  await verify.getByLabel("退回原因").fill(RETURN_REASON);
  await verify.getByRole("button", { name: /^退\s*回$/ }).click();
  await expect(page.getByText("已退回", { exact: true })).toBeVisible();
  expect(await itemRecord(page, entry)).toMatchObject({
    status: "in_progress",
    completedOn: null,
    returned: { reason: RETURN_REASON },
  });

  // The department reads why, and completes again; the photo is still attached.
  await signIn(page, "coord-caizheng");
  await page.goto("/my-work");
  await expect(row).toContainText(RETURN_REASON);
  await row.getByRole("button", { name: /^完\s*成$/ }).click();
  await expect(dialog.getByRole("link", { name: "会议纪要.png" })).toBeVisible();
  await date.click();
  await date.fill("2026-11-30");
  await date.press("Enter");
  await dialog.getByLabel("完成说明").fill(`${NOTE}，纪要已补`);
  await dialog.getByRole("button", { name: "确认完成" }).click();
  await expect(page.getByText("已登记完成，等待领导小组办公室复核")).toBeVisible();

  // The office verifies: now it counts as done.
  await signIn(page, "admin");
  await page.goto("/my-work");
  await waiting.getByRole("button", { name: /^复\s*核$/ }).click();
  await verify.getByRole("button", { name: "复核通过" }).click();
  // Confirmed from the keyboard: on the CI machine the verification once did not happen after a
  // click here, and a click on a select's option in a dialog was caught landing on the page (the
  // node replaced between mousedown and mouseup); Enter on the focused button has no such race.
  const confirm = page.getByRole("tooltip").getByRole("button", { name: /确\s*定|OK/ });
  await expect(confirm).toBeVisible();
  await confirm.press("Enter");
  await expect(page.getByText("已复核通过", { exact: true })).toBeVisible();
  await expect(queue).toHaveCount(0);
  expect(await itemRecord(page, entry)).toMatchObject({
    status: "done",
    completedOn: "2026-11-30",
    returned: null,
    verifiedBy: expect.any(String),
  });
});

test("a status move to done is refused by the API: done needs a completion", async ({ page }) => {
  await signIn(page, "coord-zhujian");
  const work = await (await page.request.get("/api/my-work")).json();
  const open = work.entries.find((e: { type: string; status: string }) => e.type === "item" && e.status !== "blocked");
  const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
  const refused = await page.request.patch(`/api/items/${open.id}`, {
    headers: { "x-csrf-token": csrfToken },
    data: { status: "done", version: open.version },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.details[0].reason).toBe("completion_required");
  expect((await itemRecord(page, open)).status).toBe(open.status);
});
