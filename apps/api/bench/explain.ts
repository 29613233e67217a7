import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@resettle/prisma/client";
import { applyMigrations } from "@resettle/prisma/migrate";
import { openBenchDatabase, reportDir } from "./bench-db.js";
import { captureStatements, readRoutes, type Captured, type ReadRoute } from "./capture.js";

/**
 * `pnpm bench:explain`: every statement the main read routes send, run with EXPLAIN ANALYZE on
 * the benchmark's data (`pnpm bench:data` first). Fails when a plan reads a big table (more
 * than BIG_TABLE_ROWS rows, 50,000 by default) with a sequential scan: a paged list must reach
 * its rows through an index. Writes .data/bench/explain.md.
 */

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Total Time"?: number;
  Plans?: PlanNode[];
};

const walk = (node: PlanNode, visit: (n: PlanNode) => void) => {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
};

export type ExplainedStatement = {
  route: string;
  paged: boolean;
  sql: string;
  ms: number;
  scans: string[];
  seqScansOfBigTables: string[];
};

/** EXPLAIN ANALYZE of each captured statement (transaction control skipped). */
export async function explainStatements(
  databaseUrl: string,
  routes: ReadRoute[],
  captured: Map<string, Captured>,
  bigTableRows: number,
): Promise<ExplainedStatement[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: sizes } = await client.query<{ relname: string; n: number }>(
      `SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
    );
    const big = new Set(sizes.filter((s) => Number(s.n) > bigTableRows).map((s) => s.relname));
    const out: ExplainedStatement[] = [];
    for (const { name: route, paged } of routes) {
      for (const { sql, params } of captured.get(route)!.cold) {
        if (!/^\s*(SELECT|WITH)/i.test(sql)) continue;
        const res = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
          params.map((p) => (p !== null && typeof p === "object" ? JSON.stringify(p) : p)),
        );
        const [{ Plan: plan, "Execution Time": ms }] = res.rows[0]!["QUERY PLAN"];
        const scans: string[] = [];
        const seq: string[] = [];
        walk(plan, (n) => {
          if (!n["Relation Name"]) return;
          scans.push(`${n["Node Type"]} ${n["Relation Name"]}${n["Index Name"] ? ` (${n["Index Name"]})` : ""}`);
          if (n["Node Type"] === "Seq Scan" && big.has(n["Relation Name"])) seq.push(n["Relation Name"]);
        });
        out.push({ route, paged, sql, ms, scans, seqScansOfBigTables: seq });
      }
    }
    return out;
  } finally {
    await client.end();
  }
}

const short = (sql: string) =>
  sql
    .replace(/\s+/g, " ")
    .replace(/"public"\./g, "")
    .slice(0, 140);

async function main() {
  const bigTableRows = Number(process.env.BIG_TABLE_ROWS ?? 50_000);
  const db = await openBenchDatabase();
  try {
    // Migrations added since the data was loaded (an index, say): the plans must see them.
    await applyMigrations(db.url);
    const prisma = createPrismaClient(db.url, { max: 2 });
    const routes = await readRoutes(prisma).finally(() => prisma.$disconnect());
    const captured = await captureStatements(db.url, routes);
    const explained = await explainStatements(db.url, routes, captured, bigTableRows);
    const lines = [
      `# EXPLAIN ANALYZE of the main read routes' statements`,
      "",
      `${new Date().toISOString()}; a sequential scan of a table of more than ${bigTableRows.toLocaleString("en-US")} rows fails a paged list (project list, project page, My work, audit trail); the dashboard and the problem queue read every project by design (their answers are kept until the next change) and are reported only. The statements of each route's first request, nothing kept yet.`,
      "",
      "| route | statement | ms | scans | |",
      "|---|---|---:|---|---|",
      ...explained.map(
        (e) =>
          `| ${e.route} | \`${short(e.sql).replaceAll("|", "\\|")}\` | ${e.ms.toFixed(1)} | ${e.scans.join("; ")} | ${
            !e.seqScansOfBigTables.length
              ? "ok"
              : `${e.paged ? "**fails**: " : "whole set: "}Seq Scan of ${e.seqScansOfBigTables.join(", ")}`
          } |`,
      ),
      "",
    ];
    await mkdir(reportDir, { recursive: true });
    await writeFile(path.join(reportDir, "explain.md"), lines.join("\n"));
    for (const route of routes) {
      const own = explained.filter((e) => e.route === route.name);
      const slowest = own.reduce((a, b) => (b.ms > a.ms ? b : a), own[0]!);
      console.log(
        `${route.name}: ${own.length} statements, ${own.reduce((s, e) => s + e.ms, 0).toFixed(1)} ms in all, slowest ${slowest.ms.toFixed(1)} ms; first request ${captured.get(route.name)!.coldMs} ms through the app, then ${captured.get(route.name)!.warm.length} statements`,
      );
    }
    for (const e of explained.filter((x) => !x.paged && x.seqScansOfBigTables.length > 0))
      console.log(`(whole set) Seq Scan of ${e.seqScansOfBigTables.join(", ")} in ${e.route}: ${short(e.sql)}`);
    const bad = explained.filter((e) => e.paged && e.seqScansOfBigTables.length > 0);
    for (const e of bad)
      console.error(`SEQ SCAN of ${e.seqScansOfBigTables.join(", ")} in ${e.route}: ${short(e.sql)}`);
    console.log(`report: ${path.join(reportDir, "explain.md")}`);
    if (bad.length) process.exitCode = 1;
  } finally {
    await db.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
