import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@resettle/prisma/client";
import { applyMigrations, resetDatabase } from "@resettle/prisma/migrate";
import { seedDatabase } from "@resettle/prisma/seed";
import { BENCH_DATABASE, figure, openBenchDatabase, reportDir, type BenchDatabase } from "./bench-db.js";
import { generateDataset, provinceScale } from "./dataset.js";

/**
 * `pnpm bench:data`: empties the benchmark's database (never the one `npm start` uses), migrates
 * it, loads the Panjin plan with its demo data and accounts, then the province-scale dataset
 * (bench/dataset.ts) with COPY, and ANALYZEs it. BENCH_SEED (13) and BENCH_SCALE (1: 10,000
 * projects) change what is generated; the same seed gives the same rows.
 */
/** Empties the open benchmark database and loads it (also what `pnpm bench` does when it finds no data). */
export async function loadBenchData(db: BenchDatabase) {
  const seed = Number(process.env.BENCH_SEED ?? 13);
  const factor = Number(process.env.BENCH_SCALE ?? 1);
  const scale = {
    projects: Math.round(provinceScale.projects * factor),
    auditEvents: Math.round(provinceScale.auditEvents * factor),
    accounts: provinceScale.accounts,
  };
  const started = Date.now();
  const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;
  const t0 = Date.now();
  if (db.adminUrl) {
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${BENCH_DATABASE}"`);
    await admin.end();
  } else await resetDatabase(db.url);
  await applyMigrations(db.url);
  const prisma = createPrismaClient(db.url, { max: 2 });
  try {
    await seedDatabase(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  const prepared = seconds(t0);
  console.log(`migrated and seeded with the Panjin plan and demo in ${prepared} s`);
  const t1 = Date.now();
  const { rows } = await generateDataset(db.url, { seed, scale, log: (line) => console.log(`  ${line}`) });
  const loaded = seconds(t1);
  const report = {
    at: new Date().toISOString(),
    seed,
    scale,
    rows,
    seconds: { migrateAndSeed: prepared, generateCopyAnalyze: loaded, total: seconds(started) },
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      load: os.loadavg(),
    },
  };
  await mkdir(reportDir, { recursive: true });
  await writeFile(path.join(reportDir, "data.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `loaded ${Object.entries(rows)
      .map(([t, n]) => `${t} ${figure(n)}`)
      .join(", ")} in ${loaded} s (COPY and ANALYZE); ${report.seconds.total} s in all`,
  );
}

async function main() {
  const db = await openBenchDatabase();
  try {
    await loadBenchData(db);
  } finally {
    await db.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
