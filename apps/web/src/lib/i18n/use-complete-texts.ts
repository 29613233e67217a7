import type { i18n } from "i18next";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE } from "./i18n";
import zhCN from "./zh-CN.json";

const completed = new WeakSet<i18n>();

/**
 * The first load carries only the Chinese texts of the sign-in page and the session guard
 * (i18n.ts); the signed-in frame brings all of them, in its own chunk, and adds them before it
 * draws a page. English is fetched whole when chosen.
 */
export function useCompleteTexts(): void {
  const { i18n } = useTranslation();
  if (completed.has(i18n)) return;
  i18n.addResourceBundle(DEFAULT_LANGUAGE, "translation", zhCN, true, false);
  completed.add(i18n);
}
