import type { PrismaClient } from "./client.js";
import { loadDemoData } from "./demo.js";
import { loadPlan, readPlanFile } from "./plan-loader.js";

export { loadPlan, parsePlan, readPlanFile, PlanRejectedError, defaultPlanPath } from "./plan-loader.js";
export { loadDemoData } from "./demo.js";

/** The Panjin plan, and the demo data unless told otherwise. Safe to run on every start. */
export async function seedDatabase(prisma: PrismaClient, options: { demo: boolean; planFile?: string }) {
  await loadPlan(prisma, await readPlanFile(options.planFile));
  const demoLoaded = options.demo ? await loadDemoData(prisma) : false;
  return { demoLoaded };
}
