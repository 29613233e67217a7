import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { applyMigrations, readMigrationList, resetDatabase } from "./migrate.js";

/**
 * `pnpm db:backup` / `pnpm db:restore`: the whole database in one file, without pg_dump.
 *
 * Why not pg_dump: no npm package ships it beside the embedded PostgreSQL 18 (initdb, pg_ctl and
 * postgres only), and a pg_dump older than the server refuses to run (Debian 12's is 15). So the
 * dump is made over the ordinary connection, in one REPEATABLE READ READ ONLY transaction (a
 * consistent snapshot while the API keeps running): the schema is the migrations' (the file names
 * them), the data is every table's rows as jsonb, in foreign-key order, and the sequences' values.
 * gzip'd JSON lines. A restore applies the same migrations to an empty database, loads the rows
 * with the tables' own triggers off (the counters they keep are restored as they were), sets the
 * sequences, all in one transaction: it is complete or it is not there.
 */

const FORMAT = "resettle-backup";
const VERSION = 1;
/** Rows per INSERT on restore, and per FETCH on backup. */
const BATCH = 1000;

type Header = { format: string; version: number; createdAt: string; server: string; migrations: string[] };
type TableStart = { table: string; rows: number; selfReferencing: boolean };
type Sequence = { name: string; lastValue: string | null };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The schema's tables (not Prisma's own), parents before children; a table referring to itself is marked. */
async function tablesInForeignKeyOrder(client: pg.Client) {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const { rows: links } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const { child, parent } of links) {
    if (child === parent) selfReferencing.add(child);
    else parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const ready = [...parents].filter(([t, ps]) => !placed.has(t) && [...ps].every((p) => placed.has(p)));
    if (ready.length === 0)
      throw new Error(
        `foreign keys form a cycle among: ${[...parents.keys()].filter((t) => !placed.has(t)).join(", ")}`,
      );
    for (const [t] of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered.map((name) => ({ name, selfReferencing: selfReferencing.has(name) }));
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Writes the database behind `url` to `file` (made anew: written beside it, then renamed). */
export async function backupDatabase(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial-${process.pid}`;
  let rows = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesInForeignKeyOrder(client);
    const migrations = await appliedMigrations(client).catch(() => {
      throw new Error("this database has no migrations applied: nothing of Resettle's to back up");
    });
    const { rows: server } = await client.query<{ v: string }>("SELECT version() AS v");
    async function* lines() {
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        server: server[0]!.v,
        migrations,
      };
      yield `${JSON.stringify(header)}\n`;
      for (const { name, selfReferencing } of tables) {
        const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(name)}`);
        const start: TableStart = { table: name, rows: Number(counted[0]!.n), selfReferencing };
        yield `${JSON.stringify(start)}\n`;
        await client.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${quote(name)} t`,
        );
        let written = 0;
        for (;;) {
          const batch = await client.query<{ j: string }>(`FETCH ${BATCH} FROM backup_rows`);
          if (batch.rows.length === 0) break;
          written += batch.rows.length;
          yield batch.rows.map((r) => `${r.j}\n`).join("");
        }
        await client.query("CLOSE backup_rows");
        if (written !== start.rows) throw new Error(`${name}: counted ${start.rows} rows, read ${written}`);
        rows += written;
      }
      const { rows: sequences } = await client.query<Sequence>(
        `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS "lastValue"
         FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
      );
      yield `${JSON.stringify({ sequences })}\n`;
      yield `${JSON.stringify({ end: true, tables: tables.length, rows })}\n`;
    }
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, file);
    await client.query("COMMIT");
    return { tables: tables.length, rows };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Thrown when the target already holds tables and no --clean was asked for. */
export class NotEmptyError extends Error {}

/**
 * Brings a backup back into the database behind `url`, which must be empty (no table in its
 * public schema) unless `clean` (everything in it is dropped first).
 */
export async function restoreDatabase(
  url: string,
  file: string,
  { clean = false }: { clean?: boolean } = {},
): Promise<{ tables: number; rows: number }> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const lines = input[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const line = await lines.next();
    if (line.done) throw new Error(`${file} ends early: the backup is incomplete`);
    return JSON.parse(line.value) as unknown;
  };
  const header = (await next()) as Partial<Header>;
  if (header.format !== FORMAT || header.version !== VERSION)
    throw new Error(`${file} is not a Resettle backup (format ${VERSION})`);
  const known = (await readMigrationList()).migrationDirectories.map((m) => m.path);
  if (JSON.stringify(known) !== JSON.stringify(header.migrations))
    throw new Error(
      `${file} was made with other migrations than this version of Resettle has` +
        ` (backup: ${header.migrations!.length}, the last ${header.migrations!.at(-1) ?? "none"};` +
        ` here: ${known.length}, the last ${known.at(-1) ?? "none"}).` +
        " Restore it with the version that made it, then upgrade.",
    );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: present } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    if (present.length > 0) {
      if (!clean)
        throw new NotEmptyError(
          `The database is not empty (${present.length} tables: ${present
            .slice(0, 3)
            .map((t) => t.name)
            .join(", ")}${present.length > 3 ? " …" : ""}). A restore goes only into an empty database;` +
            " pass --clean to drop everything in it first (what it holds now is lost).",
        );
      await resetDatabase(url);
    }
    await applyMigrations(url);
    // With their triggers off while loading: they keep other tables (counts, sums, history), which
    // are restored as they were.

    await client.query("BEGIN");
    // What the migrations themselves put in (counter slots and the like) gives way to the backup's rows.
    const schemaTables = await tablesInForeignKeyOrder(client);
    for (const { name } of schemaTables.toReversed()) {
      await client.query(`ALTER TABLE ${quote(name)} DISABLE TRIGGER USER`);
      await client.query(`DELETE FROM ${quote(name)}`);
    }
    let tables = 0;
    let rows = 0;
    const insert = async (table: string, batch: string[]) => {
      if (batch.length === 0) return;
      await client.query(
        `INSERT INTO ${quote(table)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`,
        [`[${batch.join(",")}]`],
      );
    };
    for (;;) {
      const entry = (await next()) as Partial<TableStart> & { sequences?: Sequence[] };
      if (entry.sequences) {
        for (const s of entry.sequences)
          await client.query(
            s.lastValue === null ? "SELECT setval($1, 1, false)" : "SELECT setval($1, $2::bigint, true)",
            s.lastValue === null ? [s.name] : [s.name, s.lastValue],
          );
        break;
      }
      const table = entry.table!;
      // A table referring to itself in one statement: its foreign keys are checked at the end of it.
      const size = entry.selfReferencing ? Infinity : BATCH;
      let batch: string[] = [];
      for (let i = 0; i < entry.rows!; i++) {
        const line = await lines.next();
        if (line.done) throw new Error(`${file} ends early, in ${table}: the backup is incomplete`);
        batch.push(line.value);
        if (batch.length >= size) {
          await insert(table, batch);
          batch = [];
        }
      }
      await insert(table, batch);
      tables += 1;
      rows += entry.rows!;
    }
    for (const { name } of schemaTables) await client.query(`ALTER TABLE ${quote(name)} ENABLE TRIGGER USER`);
    const end = (await next()) as { end?: boolean; tables?: number; rows?: number };
    if (!end.end || end.tables !== tables || end.rows !== rows)
      throw new Error(`${file} does not end as a whole backup does: incomplete or damaged`);
    await client.query("COMMIT");
    return { tables, rows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    input.close();
    await client.end();
  }
}
