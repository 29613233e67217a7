import type { App, ModuleDeps } from "../../lib/types.js";

/** The joint working groups (联合工作组), their reviews (研判会) with sign-off (会签), and the problem-projects queue. */
export async function reviewRoutes(_app: App, _deps: ModuleDeps) {}
