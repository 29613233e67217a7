import type { i18n, ResourceKey } from "i18next";
import { lazy, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE } from "./i18n";

const added = new WeakMap<i18n, WeakSet<object>>();

/**
 * Adds some of the Chinese texts (a `virtual:json-keys/…` module) before the component that calls
 * this draws anything: the signed-in frame and the dashboard bring their own texts in their own
 * chunks, so neither downloads the texts of every other page (issue 13, docs/performance.md).
 * English is fetched whole when chosen (i18n.ts).
 */
export function useTexts(texts: ResourceKey): void {
  const { i18n } = useTranslation();
  const done = added.get(i18n) ?? new WeakSet<object>();
  added.set(i18n, done);
  if (done.has(texts as object)) return;
  i18n.addResourceBundle(DEFAULT_LANGUAGE, "translation", texts, true, false);
  done.add(texts as object);
}

let allTexts: Promise<ResourceKey> | undefined;

/** All the Chinese texts, in a chunk of their own, fetched once. */
function loadAllTexts(): Promise<ResourceKey> {
  allTexts ??= import("./zh-CN.json").then((module) => module.default);
  return allTexts;
}

/**
 * `React.lazy` for a page (or part of one) that brings no texts of its own: its chunk and all the
 * Chinese texts are fetched side by side, and the texts added before it draws.
 */
export function lazyWithAllTexts<Props extends object>(load: () => Promise<{ default: ComponentType<Props> }>) {
  return lazy(async () => {
    const [module, texts] = await Promise.all([load(), loadAllTexts()]);
    const Component = module.default;
    function WithAllTexts(props: Props) {
      useTexts(texts);
      return <Component {...props} />;
    }
    return { default: WithAllTexts };
  });
}
