import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support.js";

// The page's Content-Security-Policy allows no inline <style> element: each one antd,
// rc-components and the app make carries the nonce of that answer (apps/api/src/plugins/web.ts,
// apps/web/src/lib/content-security-policy.ts); style attributes are allowed (ECharts' tooltips).
// Any style, script or other resource the policy refuses on the pages below fails the test,
// whatever it would have looked like.

type Violation = { directive: string; blocked: string; sample: string; source: string };

declare global {
  interface Window {
    cspViolations: Violation[];
  }
}

/** Collects the policy's refusals from the first script on, and the console's reports of them. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.cspViolations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      }),
    );
  });
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async (where: string) => {
    const violations = await page.evaluate(() => window.cspViolations);
    expect({ where, violations, console }).toEqual({ where, violations: [], console: [] });
  };
}

/** The page's styles came through: antd's <style> elements exist and each carries the nonce. */
async function expectStylesWithNonce(page: Page) {
  const styles = await page.evaluate(() =>
    Array.from(document.querySelectorAll("style"), (s) => ({ nonce: s.nonce, length: s.textContent?.length ?? 0 })),
  );
  expect(styles.length).toBeGreaterThan(0);
  const nonce = await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content);
  expect(nonce).toBeTruthy();
  expect(styles.filter((s) => s.nonce !== nonce)).toEqual([]);
}

test("the sign-in page, dashboard's charts, a project, a printed notice, a dialog and English break no rule", async ({
  page,
}) => {
  // Six pages, each with its chunks, on a busy 2-core machine.
  test.setTimeout(120_000);
  const check = await watchViolations(page);

  const first = await page.goto("/login");
  const policy = first?.headers()["content-security-policy"] ?? "";
  // <style> elements only with the nonce; style attributes (ECharts' HTML tooltips) allowed.
  expect(policy).toMatch(/(^|;)\s*style-src 'self' 'nonce-[^']+'\s*(;|$)/);
  expect(policy).toMatch(/(^|;)\s*style-src-elem 'self' 'nonce-[^']+'\s*(;|$)/);
  expect(policy.replace(/style-src-attr 'unsafe-inline'/, "")).not.toContain("unsafe-inline");
  await expect(page.getByRole("button", { name: /登\s*录/ })).toBeVisible();
  // The button is styled by antd's CSS-in-JS: the <style> was applied, not refused.
  await expect(page.getByRole("button", { name: /登\s*录/ })).toHaveCSS("background-color", "rgb(31, 95, 191)");
  await expectStylesWithNonce(page);
  await check("sign-in");

  await signIn(page, "admin");
  await page.goto("/");
  const chart = page.getByRole("img", { name: /^双台子区回迁进度轨迹图/ });
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
  await expect(chart.locator("canvas, svg").first()).toBeVisible();
  // ECharts' tooltip: a <div> styled through the CSSOM (allowed), shown on hover.
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expectStylesWithNonce(page);
  await check("dashboard");

  const projects = (await (await page.request.get("/api/projects?pageSize=100")).json()) as {
    items: { id: string; name: string }[];
  };
  const hongwei = projects.items.find((p) => p.name === "宏伟小区")!;
  await page.goto(`/projects/${hongwei.id}`);
  await expect(page.getByRole("heading", { name: "宏伟小区" })).toBeVisible();
  await check("project");

  const notices = (await (await page.request.get("/api/supervision-notices")).json()) as { items: { id: string }[] };
  await page.goto(`/notices/${notices.items[0]!.id}/print`);
  await expect(page.getByText("责任单位", { exact: true })).toBeVisible();
  await check("printed notice");

  // A dialog: its scroll locker makes a <style> of its own (rc-components, outside antd's context).
  await page.goto("/admin/causes");
  await page.getByRole("button", { name: "新建成因" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectStylesWithNonce(page);
  await check("dialog");

  // English, fetched as a chunk of its own.
  await page.evaluate(() => window.localStorage.setItem("resettle.language", "en"));
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
  await expectStylesWithNonce(page);
  await check("English");
});
