import "i18next";
import type zhCN from "./zh-CN.json";

// Chinese is the reference language: a key missing from it fails the type check.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof zhCN };
  }
}
