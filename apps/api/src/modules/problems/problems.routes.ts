import type { App, ModuleDeps } from "../../lib/types.js";

/** Problems (问题分类): the cause taxonomy, projects' problem profiles and the common problems (共性问题). */
export async function problemRoutes(_app: App, _deps: ModuleDeps) {}
