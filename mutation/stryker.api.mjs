// @ts-check
// Mutation run over the API's guards and their focused tests (`pnpm mutation:api`). The services
// that call these are proven through HTTP by their route tests, far too slow to run per mutant.
import { functionRanges, strykerOptions } from "./shared.mjs";

export default strykerOptions({
  name: "api",
  vitestConfig: "mutation/vitest.api.config.ts",
  mutate: [
    // Who may act for a department's record (403); what a status move writes, and refuses.
    "apps/api/src/lib/work-rules.ts",
    // Optimistic concurrency: 404, 403 before 409, nothing changed, the WHERE-version write, the audit.
    "apps/api/src/lib/versioned.ts",
    // Who may be made responsible: an existing department, an active person of it.
    "apps/api/src/lib/assignee.ts",
    // A withdrawn record changes no more (409). (The query fragments beside it are proven by the
    // route tests that count withdrawn work out.)
    ...functionRanges("apps/api/src/lib/withdrawal.ts", ["refuseIfWithdrawn", "presentWithdrawal"]),
  ],
});
