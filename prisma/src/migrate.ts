import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Prisma migrations without Prisma's native schema engine, which cannot be downloaded on
 * an air-gapped machine: the same engine compiled to WebAssembly, driven over `pg`.
 * It reads and writes the standard prisma/migrations layout and `_prisma_migrations`
 * table, so `prisma migrate deploy` stays compatible wherever the native engine exists.
 * See docs/decisions/002-offline-migrations.md.
 */

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const schemaPath = path.join(packageRoot, "schema.prisma");
export const migrationsDir = path.join(packageRoot, "migrations");

type EngineClass = typeof SchemaEngine;
type WasmExports = Record<string, unknown>;
// Node has WebAssembly; TypeScript only declares it in the DOM lib, which a server should not pull in.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: WasmExports };
};
/**
 * One engine instance per process, kept on globalThis: wasm-bindgen's glue holds the
 * instance in a module-level variable, and a test runner that evaluates this file once per
 * project would otherwise instantiate it twice and swap the memory under a running engine.
 * Runs are also queued: the engine is not designed for concurrent use of one instance.
 */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for("resettle.schemaEngine")] ??= {
  engineClass: undefined,
  queue: Promise.resolve(),
}) as { engineClass: Promise<EngineClass> | undefined; queue: Promise<unknown> };

/** wasm-bindgen's bundler target imports the .wasm as an ES module, which Node 20 cannot: instantiate it by hand. */
function loadEngineClass(): Promise<EngineClass> {
  shared.engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const runtimePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as {
      __wbg_set_wasm(exports: WasmExports): void;
      SchemaEngine: EngineClass;
    };
    const bytes = await readFile(path.join(path.dirname(runtimePath), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      "./schema_engine_bg.js": runtime,
    });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return shared.engineClass;
}

function withEngine<T>(
  databaseUrl: string,
  options: { log?: (line: string) => void },
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const result = shared.queue.then(() => runEngine(databaseUrl, options, run));
  shared.queue = result.catch(() => undefined);
  return result;
}

async function runEngine<T>(
  databaseUrl: string,
  options: { log?: (line: string) => void },
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadEngineClass();
  // Our own pool, ended below: the engine takes its advisory lock on one pooled connection,
  // and only closing that connection releases it promptly for the next run.
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const factory = new PrismaPg(pool);
  // The shadow database's pool (a diff replays the migrations there) has no error listener of
  // its own: when the engine drops that database WITH (FORCE), the server's "terminating
  // connection" can reach a connection still closing, and an unheard pool error would end the
  // process. It is expected there, so it is heard and let go.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    (shadow.underlyingDriver() as pg.Pool).on("error", () => {});
    return shadow;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = await readFile(schemaPath, "utf8");
  try {
    const engine = await Engine.new(
      { datamodels: [[schemaPath, schema]] },
      (line: string) => options.log?.(line),
      adapter,
    );
    try {
      return await run(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const directories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        return {
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: existsSync(file)
              ? { tag: "ok" as const, value: await readFile(file, "utf8") }
              : { tag: "error" as const, value: `${file} is missing` },
          },
        };
      }),
    ),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** `prisma migrate deploy`: applies every migration not yet applied. */
export async function applyMigrations(databaseUrl: string, log?: (line: string) => void): Promise<string[]> {
  const migrationsList = await readMigrationList();
  const { appliedMigrationNames } = await withEngine(databaseUrl, { log }, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return appliedMigrationNames;
}

/**
 * `prisma migrate dev --create-only`: writes the SQL that takes the migrations to the
 * schema into a new migrations/<stamp>_<name>/migration.sql. The engine replays the
 * existing migrations in a temporary shadow database on the same server (through the
 * adapter) and diffs the result against schema.prisma. The WebAssembly engine's own
 * createMigration cannot open a shadow database; its diff can.
 */
export async function createMigration(databaseUrl: string, name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name))
    throw new Error(`A migration name is lower-case letters, digits and _: '${name}' is not.`);
  const script = await pendingMigrationScript(databaseUrl);
  if (!script) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const generatedName = `${stamp}_${name}`;
  const directory = path.join(migrationsDir, generatedName);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "migration.sql"), script);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockPath))
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  return generatedName;
}

/** The SQL a new migration would hold, or null when schema.prisma matches the migrations. */
export async function pendingMigrationScript(databaseUrl: string): Promise<string | null> {
  const migrationsList = await readMigrationList();
  const schema = await readFile(schemaPath, "utf8");
  const { stdout } = await withEngine(databaseUrl, {}, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  );
  const script = stdout?.trim() ?? "";
  return !script || /^-- This is an empty migration\.?$/.test(script) ? null : `${script}\n`;
}

/** Drops everything in the database's schema (`prisma migrate reset` without re-applying). */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  await withEngine(databaseUrl, {}, (engine) => engine.reset({ filter: noFilters }));
}
