import type { Rule } from "eslint";

/** Types for TypeScript callers (the rule's own test); ESLint loads the JavaScript. */
declare const plugin: { rules: { "module-boundaries": Rule.RuleModule } };
export default plugin;
