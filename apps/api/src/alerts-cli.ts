import { createPrismaClient } from "@resettle/prisma/client";
import { openDatabase } from "@resettle/prisma/database";
import { applyMigrations } from "@resettle/prisma/migrate";
import { loadEnv } from "./config/env.js";
import { systemClock } from "./lib/clock.js";
import { runAlerts } from "./modules/alerts/index.js";
import { deliverPending, networkTransports } from "./modules/channels/index.js";

/**
 * `pnpm alerts:run`: the alert rules once, by hand, then the deliveries due to the channels, on
 * the configured database (DATABASE_URL, else the embedded one — stop the server first, it holds
 * the embedded database). A running server does the same on POST /api/alerts/run.
 */
async function main() {
  const env = loadEnv();
  const db = await openDatabase(env);
  const prisma = createPrismaClient(db.url);
  try {
    await applyMigrations(db.url);
    const result = await runAlerts(prisma, systemClock);
    console.log(
      result.skipped
        ? "Another process is running the alert rules: nothing done."
        : `Alerts raised: ${result.raised}; notifications: ${result.notified}.`,
    );
    // What is due to the channels (企业微信, 钉钉, e-mail), whether or not this run raised it.
    const sent = await deliverPending(prisma, systemClock, networkTransports({ publicUrl: env.PUBLIC_URL ?? null }));
    console.log(`Deliveries sent: ${sent.sent}; to retry: ${sent.retrying}; given up: ${sent.failed}.`);
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
