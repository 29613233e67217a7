import type { PrismaClient } from "./client.js";
import { loadCauses } from "./causes.js";
import { loadDemoAccounts } from "./demo-accounts.js";
import { loadDemoData, signDemoReview } from "./demo.js";
import { loadPlan, readPlanFile } from "./plan-loader.js";

export { loadPlan, parsePlan, readPlanFile, PlanRejectedError, defaultPlanPath, writePlan } from "./plan-loader.js";
export { loadDemoData } from "./demo.js";
export { loadDemoAccounts } from "./demo-accounts.js";

/**
 * The Panjin plan, and the demo data and demo accounts unless told otherwise. Safe to run
 * on every start: each part loads only into a database that lacks it.
 */
export async function seedDatabase(
  prisma: PrismaClient,
  options: { demo: boolean; demoAccounts?: boolean; planFile?: string },
) {
  await loadPlan(prisma, await readPlanFile(options.planFile));
  await loadCauses(prisma);
  const demoLoaded = options.demo ? await loadDemoData(prisma) : false;
  const demoAccountsCreated = (options.demoAccounts ?? options.demo) ? await loadDemoAccounts(prisma) : false;
  if (demoLoaded && demoAccountsCreated) await signDemoReview(prisma);
  return { demoLoaded, demoAccountsCreated };
}
