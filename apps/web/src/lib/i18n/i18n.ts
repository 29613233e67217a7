import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import zhCN from "./zh-CN.json";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

const resources = {
  "zh-CN": { translation: zhCN },
  en: { translation: en },
} as const;

const STORAGE_KEY = "resettle.language";

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Private mode or storage disabled by policy: fall back quietly.
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisting is acceptable; the switch still works for this visit.
  }
}

// Screen readers pick their voice from <html lang>, and dayjs names months with its own locale.
function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language === "en" ? "en" : "zh-cn");
}

export function createI18n(language: Language = readStoredLanguage()): i18n {
  const instance = i18next.createInstance();
  instance.on("languageChanged", applyLanguage);
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
