import { expect, test } from "@playwright/test";
import { signInThroughPage } from "./support.js";

// Issue 10: a typo is never a household moved back, and a double click files one report.

const PROJECT = "宏伟小区"; // 双台子区政府 reports for it

test("the report form refuses −5, 0 and 3.5 where they are typed, filing nothing; a double click on 上报 files once", async ({
  page,
}) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/progress-reports")) posts.push(request.url());
  });
  await signInThroughPage(page, "coord-shuangtaizi");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目台账" }).click();
  await page.getByRole("table", { name: "项目台账列表" }).getByRole("link", { name: PROJECT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROJECT);
  const projectId = page.url().split("/").pop()!;
  const ledger = async () =>
    (await (await page.request.get(`/api/projects/${projectId}/progress-reports?pageSize=1`)).json()) as {
      total: number;
      households: number;
    };
  const before = await ledger();
  const footer = page.getByTestId("ledger-total");
  await expect(footer).toContainText(`共 ${before.total} 条记录`);

  const form = page.getByRole("form", { name: "上报回迁户数" });
  const households = form.getByLabel("回迁户数");
  const submit = form.getByRole("button", { name: /上\s*报/ });
  for (const [typed, reason] of [
    ["-5", "户数须为正整数（至少 1 户）；减少户数请使用“更正”"],
    ["0", "户数须为正整数（至少 1 户）；减少户数请使用“更正”"],
    ["3.5", "户数须为整数，不能有小数"],
  ] as const) {
    await households.fill(typed);
    await households.blur();
    // Kept as typed: not clamped to 1, not rounded to 4.
    await expect(households).toHaveValue(typed);
    await submit.click();
    await expect(form.getByText(reason)).toBeVisible();
    await expect(page.getByText("回迁户数已上报")).toHaveCount(0);
  }
  expect(posts).toEqual([]);
  expect(await ledger()).toEqual(before);

  await households.fill("3");
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/progress-reports"),
  );
  await submit.dblclick();
  const answer = await answered;
  // On a failure, the server's own words, not only a missing message.
  expect(`${answer.status()} ${answer.status() === 201 ? "" : await answer.text()}`.trim()).toBe("201");
  await expect(page.getByText("回迁户数已上报")).toBeVisible();
  await expect(footer).toContainText(`共 ${before.total + 1} 条记录`);
  // Give a second request every chance to land before counting.
  await page.waitForTimeout(1_000);
  const after = await ledger();
  expect(after.total).toBe(before.total + 1);
  expect(after.households).toBe(before.households + 3);
  expect(posts).toHaveLength(1);
});
