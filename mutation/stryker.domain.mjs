// @ts-check
// Mutation run over the domain's rules and their unit tests (`pnpm mutation:domain`).
import { ruleRanges, strykerOptions } from "./shared.mjs";

const RULES = [
  "calendar",
  "district-floor",
  "household",
  "permissions",
  "scorecard",
  "subsidy",
  "supervision-notice",
  "trajectory",
  "utility-ticket",
  "work-status",
];

export default strykerOptions({
  name: "domain",
  vitestConfig: "mutation/vitest.domain.config.ts",
  mutate: RULES.flatMap((name) => ruleRanges(`packages/domain/src/${name}.ts`)),
});
