/// <reference lib="dom" />
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support.js";

// Issue 10: every page stays reachable from the side menu at common widths (1024, 1280,
// 1366 px) in both languages, and a long text keeps its table column readable.

type Language = "zh-CN" | "en";

/** An administrator's menu, in order, with where each entry leads. */
const ENTRIES: Record<Language, [name: string, path: RegExp][]> = {
  "zh-CN": [
    ["数据总览", /\/$/],
    ["全市待办", /\/overdue-board/],
    ["项目台账", /\/projects$/],
    ["我的待办", /\/my-work$/],
    ["问题项目", /\/problem-queue/],
    ["研判会", /\/reviews$/],
    ["共性问题", /\/common-problems/],
    ["用户账号", /\/admin\/users$/],
    ["部门", /\/admin\/departments$/],
    ["人员", /\/admin\/persons$/],
    ["问题成因", /\/admin\/causes$/],
    ["联合工作组", /\/admin\/working-groups$/],
    ["操作日志", /\/audit/],
  ],
  en: [
    ["Overview", /\/$/],
    ["Overdue board", /\/overdue-board/],
    ["Project ledger", /\/projects$/],
    ["My work", /\/my-work$/],
    ["Problem projects", /\/problem-queue/],
    ["Reviews", /\/reviews$/],
    ["Common problems", /\/common-problems/],
    ["Accounts", /\/admin\/users$/],
    ["Departments", /\/admin\/departments$/],
    ["Persons", /\/admin\/persons$/],
    ["Causes", /\/admin\/causes$/],
    ["Working groups", /\/admin\/working-groups$/],
    ["Audit log", /\/audit/],
  ],
};
const WORDS = {
  "zh-CN": { nav: "主导航", expand: "展开导航", collapse: "收起导航", items: /本项目整改事项/, cause: "问题原因" },
  en: {
    nav: "Main navigation",
    expand: "Expand menu",
    collapse: "Collapse menu",
    items: /rectification items/,
    cause: "Cause",
  },
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function open(page: Page, language: Language, width: number) {
  await page.setViewportSize({ width, height: 768 });
  // The language (and a menu not yet folded or unfolded by hand) as a new visitor has them.
  await page.addInitScript((lang) => window.localStorage.setItem("resettle.language", lang), language);
  await signIn(page, "admin");
  await page.goto("/");
  return page.getByRole("navigation", { name: WORDS[language].nav });
}

/** Every entry is on screen (the menu scrolls if it must), opens its page and is then the selected one. */
async function visitEvery(page: Page, language: Language) {
  const nav = page.getByRole("navigation", { name: WORDS[language].nav });
  for (const [name, path] of ENTRIES[language]) {
    // antd's menu items take no name of their own: each is found by the link it holds.
    const linkName = new RegExp(`^${escape(name)}`);
    const link = nav.getByRole("link", { name: linkName });
    const item = nav.getByRole("menuitem").filter({ has: page.getByRole("link", { name: linkName }) });
    await item.scrollIntoViewIfNeeded();
    await expect(item, name).toBeInViewport();
    await item.click();
    await expect(page, name).toHaveURL(path);
    await expect(item, name).toHaveClass(/ant-menu-item-selected/);
    await expect(link, name).toHaveAttribute("aria-current", "page");
  }
  // Nothing sticks out to the side: the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

for (const language of ["zh-CN", "en"] as const) {
  for (const width of [1024, 1280, 1366]) {
    test(`${language} at ${width} px: every menu entry is reachable and opens its page`, async ({ page }) => {
      test.setTimeout(180_000); // thirteen pages, twice
      const nav = await open(page, language, width);
      const words = WORDS[language];
      // Below 1200 px the menu starts folded to its icons; every entry is still there.
      const folded = width < 1200;
      await expect(page.getByRole("button", { name: folded ? words.expand : words.collapse })).toBeVisible();
      await visitEvery(page, language);

      // Folded or not, the other state works as well, and is remembered.
      await page.getByRole("button", { name: folded ? words.expand : words.collapse }).click();
      await expect(page.getByRole("button", { name: folded ? words.collapse : words.expand })).toBeVisible();
      if (folded) await expect(nav.getByRole("link", { name: ENTRIES[language][12]![0] })).toBeVisible();
      await visitEvery(page, language);
      await page.reload();
      await expect(page.getByRole("button", { name: folded ? words.collapse : words.expand })).toBeVisible();
    });
  }
}

test("the menu is reachable by keyboard", async ({ page }) => {
  const nav = await open(page, "zh-CN", 1280);
  await nav.getByRole("link", { name: "数据总览" }).focus();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "全市待办" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/overdue-board/);
  await expect(nav.getByRole("link", { name: "全市待办" })).toHaveAttribute("aria-current", "page");
});

const LONG_CAUSE =
  "e2e：开发企业资金链断裂导致主体工程长期停工，土地出让金与配套费欠缴致使不动产登记无法办理，" +
  "回迁户临时安置补助费自2017年起多次延期发放，供水、供电、供暖设施未按规划验收，需多部门联合处置";

for (const language of ["zh-CN", "en"] as const) {
  for (const width of [1024, 1366]) {
    test(`${language} at ${width} px: a long cause keeps its column readable and shows whole on hover`, async ({
      page,
    }) => {
      await open(page, language, width);
      const { csrfToken } = await (await page.request.get("/api/auth/me")).json();
      const projects = await (await page.request.get("/api/projects?pageSize=100")).json();
      const project = projects.items.find((p: { name: string }) => p.name === "桃李源项目");
      const departments = await (await page.request.get("/api/departments")).json();
      const xinfang = departments.find((d: { code: string }) => d.code === "xinfang");
      const title = `e2e：长原因 ${language} ${width}`;
      const created = await page.request.post(`/api/projects/${project.id}/items`, {
        headers: { "x-csrf-token": csrfToken },
        data: {
          title,
          cause: LONG_CAUSE,
          measure: LONG_CAUSE,
          responsibleDepartmentId: xinfang.id,
          responsiblePersonId: null,
          dueDate: "2030-06-30",
        },
      });
      expect(created.status()).toBe(201);

      await page.goto(`/projects/${project.id}`);
      const table = page.getByRole("table", { name: WORDS[language].items });
      const row = table.locator("tbody tr.ant-table-row").filter({ hasText: title });
      await expect(row).toBeVisible({ timeout: 15_000 });
      const causeIndex = await table
        .locator("thead th")
        .evaluateAll((ths, cause) => ths.findIndex((th) => th.textContent?.trim() === cause), WORDS[language].cause);
      expect(causeIndex).toBeGreaterThanOrEqual(0);
      const cell = row.locator("td").nth(causeIndex);
      const text = cell.locator(".cell-text");
      await text.scrollIntoViewIfNeeded();

      // Not one character per line: the cell keeps its minimum width and the text a few lines.
      const box = await cell.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(160);
      const lines = await text.evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight));
      expect(Math.round(lines)).toBeLessThanOrEqual(3);
      // Cut, with the whole text on hover.
      expect(await text.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      await text.hover();
      await expect(page.getByRole("tooltip")).toHaveText(LONG_CAUSE);
      // Headers break between words only ("Responsible / department", never "house / holds"),
      // and none is wider than its column.
      const headers = await table.locator("thead th").evaluateAll((ths) =>
        ths.map((th) => {
          const style = getComputedStyle(th);
          return {
            wordBreak: style.wordBreak,
            overflowWrap: style.overflowWrap,
            fits: th.scrollWidth <= th.clientWidth,
          };
        }),
      );
      for (const header of headers)
        expect(header).toEqual({ wordBreak: "keep-all", overflowWrap: "normal", fits: true });
    });
  }
}
