import { cleanup } from "@testing-library/react";
import antdEnUS from "antd/locale/en_US";
import antdZhCN from "antd/locale/zh_CN";
import { afterEach } from "vitest";
import en from "../lib/i18n/en.json";
import { provideLanguage } from "../lib/i18n/i18n";
import zhCN from "../lib/i18n/zh-CN.json";

// The app fetches English when it is chosen, and the Chinese texts beyond the sign-in page's with the
// signed-in frame; tests render either language, any component, synchronously.
provideLanguage("en", { translation: en, antd: antdEnUS });
provideLanguage("zh-CN", { translation: zhCN, antd: antdZhCN });

// jsdom lacks the layout APIs antd's responsive components and tables call on mount.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
}

if (!("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
}

// jsdom throws "Not implemented" for pseudo-element styles, which antd reads for scrollbars.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element, pseudo?: string | null) =>
  getComputedStyle(element, pseudo ? undefined : pseudo);

afterEach(() => {
  cleanup();
});
