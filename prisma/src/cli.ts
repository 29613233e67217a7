import { readFile } from "node:fs/promises";
import path from "node:path";
import { createPrismaClient } from "./client.js";
import { openDatabase, repoRoot, runningEmbeddedDatabase } from "./database.js";
import { backupDatabase, NotEmptyError, restoreDatabase } from "./backup.js";
import { applyMigrations, createMigration, resetDatabase } from "./migrate.js";
import { defaultPlanPath, parsePlan, PlanRejectedError } from "./plan-loader.js";
import { seedDatabase } from "./seed.js";
import { createAdministrator, readNewPassword } from "./admin-create.js";

const usage = `usage: cli.ts <command>
  migrate                apply pending migrations
  migration <name>       create a migration from schema.prisma changes
  seed [--no-demo]       load the Panjin plan (and the demo data)
  reset [--no-demo]      empty the database, migrate, seed
  plan-check [file]      check a plan file without loading it
  backup [file]          write the whole database to a file (default .data/backups/resettle-<time>.jsonl.gz)
  restore <file> [--clean]
                         bring a backup back into an empty database (--clean: empty it first)
  admin-create <username> [display name]
                         create an administrator account (the first one, in production);
                         the password is asked for, or read from RESETTLE_ADMIN_PASSWORD
With no DATABASE_URL the embedded PostgreSQL in .data/postgres is used.
NODE_ENV=production never loads demo data or demo accounts.`;

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const demo = !rest.includes("--no-demo") && process.env.NODE_ENV !== "production";
  if (command === "plan-check") {
    const file = rest[0] ?? defaultPlanPath;
    try {
      const plan = parsePlan(JSON.parse(await readFile(file, "utf8")));
      console.log(`计划校验通过: ${plan.title} (${plan.projects.length} 个项目, ${plan.totalHouseholds} 户)`);
      return 0;
    } catch (error) {
      if (error instanceof PlanRejectedError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
  }
  if (command === "backup" || command === "restore") return backupOrRestore(command, rest);
  if (!["migrate", "migration", "seed", "reset", "admin-create"].includes(command ?? "")) {
    console.error(usage);
    return 2;
  }
  const db = await openDatabase();
  try {
    if (command === "migration") {
      const name = rest[0];
      if (!name) throw new Error("migration needs a name, e.g. pnpm db:migration add_budget");
      const created = await createMigration(db.url, name);
      console.log(
        created
          ? `created migrations/${created}/migration.sql`
          : "schema.prisma matches the migrations: nothing to create",
      );
      return 0;
    }
    if (command === "admin-create") {
      const [username, ...nameParts] = rest;
      if (!username) throw new Error("admin-create needs a username, e.g. pnpm admin:create wangfang 王芳");
      const password = await readNewPassword();
      await applyMigrations(db.url);
      const prisma = createPrismaClient(db.url);
      try {
        const user = await createAdministrator(prisma, {
          username,
          displayName: nameParts.join(" ") || username,
          password,
        });
        console.log(`administrator '${user.username}' created`);
      } finally {
        await prisma.$disconnect();
      }
      return 0;
    }
    if (command === "reset") await resetDatabase(db.url);
    const applied = await applyMigrations(db.url);
    console.log(applied.length ? `applied ${applied.join(", ")}` : "migrations up to date");
    if (command === "seed" || command === "reset") {
      const prisma = createPrismaClient(db.url);
      try {
        const { demoLoaded } = await seedDatabase(prisma, { demo });
        console.log(`plan loaded${demoLoaded ? ", demo data loaded" : ""}`);
      } finally {
        await prisma.$disconnect();
      }
    }
    return 0;
  } finally {
    await db.stop();
  }
}

/** A file named on the command line, from where `pnpm db:…` was typed (pnpm runs the script in prisma/). */
const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function backupOrRestore(command: "backup" | "restore", args: string[]): Promise<number> {
  const running = process.env.DATABASE_URL ? null : runningEmbeddedDatabase();
  if (command === "backup") {
    const stamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replaceAll(":", "-");
    const file = args[0] ? fromCaller(args[0]) : path.join(repoRoot, ".data", "backups", `resettle-${stamp}.jsonl.gz`);
    // The running server's database as it is (a consistent snapshot); else start it for the backup.
    const db = running ? { url: running.url, stop: async () => {} } : await openDatabase();
    try {
      const { tables, rows } = await backupDatabase(db.url, file);
      console.log(`backed up ${tables} tables, ${rows} rows to ${file}`);
      return 0;
    } finally {
      await db.stop();
    }
  }
  const given = args.find((a) => !a.startsWith("--"));
  if (!given) throw new Error("restore needs a backup file, e.g. pnpm db:restore .data/backups/resettle-….jsonl.gz");
  if (running)
    throw new Error(`Resettle's embedded PostgreSQL is running (pid ${running.pid}): stop Resettle, then restore.`);
  const file = fromCaller(given);
  const db = await openDatabase();
  try {
    const { tables, rows } = await restoreDatabase(db.url, file, { clean: args.includes("--clean") });
    console.log(`restored ${tables} tables, ${rows} rows from ${file}`);
    return 0;
  } catch (error) {
    if (error instanceof NotEmptyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
