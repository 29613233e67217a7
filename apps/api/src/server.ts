import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient } from "@resettle/prisma/client";
import { defaultDataDir, openDatabase } from "@resettle/prisma/database";
import { applyMigrations } from "@resettle/prisma/migrate";
import { seedDatabase } from "@resettle/prisma/seed";
import { buildApp } from "./app.js";
import { databaseTimeoutsOf, evidenceStorageOf, loadEnv } from "./config/env.js";
import { systemClock } from "./lib/clock.js";
import { runAlerts } from "./modules/alerts/index.js";
import { deliverPending, networkTransports } from "./modules/channels/index.js";
import { filesystemStore, s3Store } from "./lib/file-store.js";

const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");

/**
 * Start-up for `npm start` and production alike: database (given or embedded), migrations,
 * the plan (and the demo data outside production), then the API and the SPA on one port.
 */
async function main() {
  const env = loadEnv();
  const db = await openDatabase(env).catch((error: unknown) => {
    // Why the database did not start, and what helps: a message, not a stack trace.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  // Every wait on the database bounded (connect, pool, statement, answer, idle, transaction): a
  // database that stops answering gets 503s within seconds, not requests that hang.
  const prisma = createPrismaClient(db.url, {
    max: env.DATABASE_POOL_MAX,
    waitMs: env.DATABASE_POOL_WAIT_MS,
    timeouts: databaseTimeoutsOf(env),
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;

  const evidenceStore = () => {
    const storage = evidenceStorageOf(env, env.RESETTLE_DATA_DIR ?? defaultDataDir);
    return storage.kind === "s3" ? s3Store(storage.settings) : filesystemStore(storage.root);
  };

  let alertsJob: ReturnType<typeof setInterval> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(alertsJob);
    app?.log.info({ signal }, "shutting down");
    await app?.close().catch(() => {});
    await prisma.$disconnect().catch(() => {});
    await db.stop().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const channels = networkTransports({ publicUrl: env.PUBLIC_URL ?? null });
  try {
    const applied = await applyMigrations(db.url);
    const production = env.NODE_ENV === "production";
    const demo = env.SEED_DEMO ?? !production;
    // Demo accounts share a password printed in the README: never in production. Loading the plan
    // and the demo data is start-up work, not a request: its own client, bounded like the CLI's
    // (its transactions may run longer than a request's statement bound).
    const seeding = createPrismaClient(db.url, { max: 2, waitMs: env.DATABASE_POOL_WAIT_MS });
    const { demoLoaded } = await seedDatabase(seeding, { demo, demoAccounts: demo && !production }).finally(() =>
      seeding.$disconnect(),
    );
    if (production) {
      const exposed = await prisma.user.findMany({
        where: { demoPassword: true, active: true },
        select: { username: true },
      });
      if (exposed.length > 0)
        throw new Error(
          `Refusing to start in production: these accounts still have the published demo password: ${exposed
            .map((u) => u.username)
            .join(", ")}. Deactivate them or reset their passwords first.`,
        );
      if ((await prisma.user.count({ where: { role: "admin", active: true } })) === 0)
        console.warn("No administrator yet: create the first one with `pnpm admin:create <username> <name>`.");
    }
    app = await buildApp({
      prisma,
      logger: {
        level: env.LOG_LEVEL,
        redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      },
      webRoot: env.WEB_DIST ?? defaultWebRoot,
      sessions: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
      trustProxy: env.TRUST_PROXY,
      evidence: { store: evidenceStore(), maxBytes: env.EVIDENCE_MAX_MB * 1024 * 1024 },
      channels,
    });
    app.log.info(
      {
        database: db.embedded ? "embedded" : "DATABASE_URL",
        migrationsApplied: applied,
        demoLoaded,
        evidenceStore: evidenceStorageOf(env, env.RESETTLE_DATA_DIR ?? defaultDataDir).kind,
      },
      "database ready",
    );
    await app.listen({ port: env.PORT, host: env.HOST });
    if (env.ALERTS_EVERY_MINUTES > 0) {
      // The alert rules, in this process: another process running them at the same moment
      // holds the job's advisory lock, and this run then does nothing. Then what is due to the
      // channels (企业微信, 钉钉, e-mail): each process sends only deliveries no other has taken.
      const log = app.log;
      const runJob = () =>
        runAlerts(prisma, systemClock)
          .then((result) => log.info({ alerts: result }, "alert rules ran"))
          .catch((error: unknown) => log.error({ err: error }, "alert rules failed"))
          .then(() => deliverPending(prisma, systemClock, channels))
          .then((result) => log.info({ deliveries: result }, "alert deliveries sent"))
          .catch((error: unknown) => log.error({ err: error }, "alert deliveries failed"));
      alertsJob = setInterval(runJob, env.ALERTS_EVERY_MINUTES * 60_000);
      alertsJob.unref();
      void runJob();
    }
    console.log(`\n  回迁难问题督办平台 Resettle: http://localhost:${env.PORT}\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await prisma.$disconnect().catch(() => {});
    await db.stop().catch(() => {});
    process.exit(1);
  }
}

void main();
