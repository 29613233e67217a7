import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Panjin#2018";

/** Signs in through the API; the page shares the cookie (a journey that is not about logging in). */
export async function signIn(page: Page, username: string) {
  const response = await page.request.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), `sign in as ${username}`).toBe(200);
}

/** Signs in through the login page, as a user would. */
export async function signInThroughPage(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
