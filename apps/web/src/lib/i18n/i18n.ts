import type { Locale as AntdLocale } from "antd/es/locale";
// The ES module, not antd/locale/zh_CN: that one is CommonJS and brings its own copies of the
// picker and pagination locales (issue 13).
import antdZhCN from "antd/es/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18next, { type BackendModule, type i18n, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";
// Of the Chinese texts, those the sign-in page and the session guard use (first-load-texts.ts).
import firstLoadTexts from "./first-load-texts";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

/** A language's texts: ours, and Ant Design's own (pagination, empty states, pickers). */
export type LanguageTexts = { translation: ResourceKey; antd: AntdLocale };

// Chinese ships with the app; English is fetched the first time it is chosen (or found stored),
// so a Chinese page never downloads the English texts (issue 13, docs/performance.md).
const loaded: Partial<Record<Language, LanguageTexts>> = {
  "zh-CN": { translation: firstLoadTexts, antd: antdZhCN },
};
const loaders: Record<Exclude<Language, "zh-CN">, () => Promise<LanguageTexts>> = {
  en: async () => {
    const [translation, antd] = await Promise.all([import("./en.json"), import("antd/es/locale/en_US")]);
    return { translation: translation.default, antd: antd.default };
  },
};

/** Makes a language's texts available at once (the tests, which read both languages synchronously). */
export function provideLanguage(language: Language, texts: LanguageTexts): void {
  loaded[language] = texts;
}

/** Fetches a language's texts unless they are here already. */
export async function loadLanguage(language: Language): Promise<LanguageTexts> {
  const texts = loaded[language] ?? (await loaders[language as keyof typeof loaders]());
  loaded[language] = texts;
  return texts;
}

/** Ant Design's texts for a language that is loaded (a language becomes current only once it is). */
export function antdLocaleOf(language: Language): AntdLocale {
  return (loaded[language] ?? loaded[DEFAULT_LANGUAGE]!).antd;
}

// i18next asks for a language it has no texts for (switching to English) here, and switches once
// they have arrived: until then the page stays in the language it was in.
const lazyTexts: BackendModule = {
  type: "backend",
  init: () => {},
  read: (language, _namespace, callback) => {
    if (!isLanguage(language)) return callback(null, {});
    loadLanguage(language).then(
      (texts) => callback(null, texts.translation),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const STORAGE_KEY = "resettle.language";

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The language chosen on this browser before, else Chinese. */
export function readStoredLanguage(): Language {
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
  const resources = Object.fromEntries(
    Object.entries(loaded).map(([code, texts]) => [code, { translation: texts.translation }]),
  );
  void instance
    .use(lazyTexts)
    .use(initReactI18next)
    .init({
      resources,
      // The languages given above are complete; the backend fetches the others.
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  return instance;
}
