import { expect, type Locator, type Page } from "@playwright/test";

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

/**
 * Picks an option of an antd Select from the keyboard, as a keyboard user would: ArrowDown opens
 * the list and moves through it, Enter takes the active option. A mouse click on an option in a
 * dialog was seen lost now and then (the option's node was replaced between mousedown and mouseup,
 * so the click landed on the page); the keyboard path has no such race. The list is found through
 * the listbox the combobox controls, never by visibility: another select's list may still be
 * fading out with an option of the same name.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string | RegExp) {
  const matches = (text: string) => (typeof option === "string" ? text === option : option.test(text));
  await combobox.focus();
  await combobox.press("ArrowDown");
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  const listId = await combobox.getAttribute("aria-controls");
  const popup = page.locator(".ant-select-dropdown").filter({ has: page.locator(`[id="${listId}"]`) });
  const options = (await popup.locator(".ant-select-item-option").allInnerTexts()).map((text) => text.trim());
  const label = options.find(matches);
  expect(label, `${String(option)} among the options ${options.join("、")}`).toBeDefined();
  const active = popup.locator(".ant-select-item-option-active");
  for (let step = 0; step <= options.length; step += 1) {
    const now = (await active.innerText()).trim();
    if (now === label) break;
    await combobox.press("ArrowDown");
    await expect(active).not.toHaveText(now);
  }
  await expect(active).toHaveText(label!);
  await combobox.press("Enter");
  // The list closes; what the choice does (a value shown, a request, a dialog) the caller checks.
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
}
