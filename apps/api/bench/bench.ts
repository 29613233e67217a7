import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD } from "@resettle/domain";
import { createPrismaClient } from "@resettle/prisma/client";
import { findFreePort } from "@resettle/prisma/embedded-postgres";
import { applyMigrations } from "@resettle/prisma/migrate";
import { seedDatabase } from "@resettle/prisma/seed";
import { figure, openBenchDatabase, reportDir } from "./bench-db.js";
import { loadBenchData } from "./bench-data.js";
import { captureStatements, readRoutes, type ReadRoute } from "./capture.js";

/** The benchmark's projects in the database (0 when it is empty or not migrated yet). */
async function benchProjects(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE code LIKE 'b-%'`);
    return rows[0]!.n;
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

/**
 * `pnpm bench` (after `pnpm bench:data`): the main read routes, the trivial route and two writes
 * at 10 and 100 connections (autocannon), each read route beside a bare Fastify + pg server
 * sending the same SQL in the same run; then two API processes behind the one Postgres serving
 * the same sessions; then the read routes on the demo's data alone. Writes
 * .data/bench/report.json and report.md. BENCH_SECONDS (10) per run; BENCH_CONNECTIONS
 * ("10,100").
 */

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? "10,100").split(",").map(Number);
const poolMax = Number(process.env.DATABASE_POOL_MAX ?? 20);

type Figures = { rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; non2xx: number };

type RunOptions = {
  url: string;
  connections: number;
  duration?: number;
  method?: "GET" | "POST" | "PATCH";
  headers?: Record<string, string>;
  /** Each request's path and body, made as it is sent (writes: a new record each time). */
  next?: () => { path: string; body?: string };
};

/** One autocannon run: requests per second, latency percentiles from every response, failures. */
async function load(options: RunOptions): Promise<Figures> {
  const figures = await loadOnce(options);
  const { origin } = new URL(options.url);
  await settle(origin, options.url.includes("/bare/") ? "/bare/health" : "/api/health");
  return figures;
}

function loadOnce({ url, connections, duration = seconds, method = "GET", headers = {}, next }: RunOptions) {
  return new Promise<Figures>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        method,
        headers: { ...headers, ...(next ? { "content-type": "application/json" } : {}) },
        ...(next
          ? {
              requests: [
                {
                  setupRequest: (req: autocannon.Request) => {
                    const { path: p, body } = next();
                    return { ...req, path: p, ...(body ? { body } : {}) };
                  },
                },
              ],
            }
          : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
        const round = (n: number) => Math.round(n * 10) / 10;
        resolve({
          rps: Math.round(latencies.length / result.duration),
          p50: round(at(0.5)),
          p95: round(at(0.95)),
          p99: round(at(0.99)),
          requests: latencies.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * Waits until a server has worked off what the last run left queued (requests still running
 * after the clients went, e.g. slow reads at 100 connections): its health answers within 100 ms.
 */
async function settle(base: string, health = "/api/health") {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    const ok = await fetch(`${base}${health}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok && performance.now() - started < 100) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Starts a process and waits until `ready` answers 200. */
async function startProcess(name: string, args: string[], env: Record<string, string>, ready: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", ...args], {
    cwd: apiDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(ready)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    if (Date.now() > deadline) throw new Error(`${name} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const stopProcess = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    // Gone already: by its own exit, or by a signal (then exitCode stays null).
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function startApi(databaseUrl: string) {
  const port = await findFreePort();
  const child = await startProcess(
    "API",
    ["src/server.ts"],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ALERTS_EVERY_MINUTES: "0",
      DATABASE_POOL_MAX: String(poolMax),
      NODE_ENV: "development",
      WEB_DIST: path.join(os.tmpdir(), "resettle-bench-no-web"),
    },
    `http://127.0.0.1:${port}/api/health`,
  );
  return { base: `http://127.0.0.1:${port}`, child };
}

type Session = { cookie: string; csrfToken: string };
async function signInOver(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("resettle_session="))!
    .split(";")[0]!;
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

type Row = {
  what: string;
  connections: number;
  api: Figures;
  bare?: Figures;
  ofBare?: number;
  ofTrivial?: number;
};

async function readRuns(
  label: string,
  api: string,
  bare: string | null,
  routes: ReadRoute[],
  sessions: Map<string, Session>,
  connections: number[],
) {
  const rows: Row[] = [];
  const trivial = new Map<number, Figures>();
  for (const c of connections) {
    await load({ url: `${api}/api/health`, connections: c, duration: 1 });
    const figures = await load({ url: `${api}/api/health`, connections: c });
    trivial.set(c, figures);
    rows.push({ what: "trivial route (/api/health: SELECT 1)", connections: c, api: figures });
    console.log(`${label} trivial @${c}: ${figures.rps}/s p95 ${figures.p95} ms`);
  }
  for (const [i, route] of routes.entries()) {
    const headers = { cookie: sessions.get(route.user)!.cookie };
    for (const c of connections) {
      await load({ url: `${api}${route.url}`, connections: c, duration: 1, headers });
      const a = await load({ url: `${api}${route.url}`, connections: c, headers });
      let b: Figures | undefined;
      if (bare) {
        await load({ url: `${bare}/bare/${i}`, connections: c, duration: 1 });
        b = await load({ url: `${bare}/bare/${i}`, connections: c });
      }
      const row: Row = {
        what: route.name,
        connections: c,
        api: a,
        ...(b ? { bare: b, ofBare: a.rps / b.rps } : {}),
        ofTrivial: a.rps / trivial.get(c)!.rps,
      };
      rows.push(row);
      console.log(
        `${label} ${route.name} @${c}: ${a.rps}/s p95 ${a.p95} ms (${a.non2xx + a.errors} failed)${
          b ? `; bare ${b.rps}/s p95 ${b.p95} ms: ${Math.round(row.ofBare! * 100)} %` : ""
        }; ${Math.round(row.ofTrivial! * 100)} % of trivial`,
      );
    }
  }
  return rows;
}

/** The writes' targets: milestones that may move between planned and in progress, projects with room in their ledger. */
async function writeTargets(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const milestones = (
      await client.query<{ id: string; status: string; version: number }>(
        `SELECT id, status::text, version FROM milestones
         WHERE status IN ('planned', 'in_progress') AND "withdrawnAt" IS NULL ORDER BY id`,
      )
    ).rows;
    const projects = (
      await client.query<{ id: string; room: number }>(
        `SELECT id, "totalHouseholds" - "movedBack" AS room FROM projects
         WHERE "registeredHouseholds" = 0 AND "totalHouseholds" - "movedBack" > 0 ORDER BY id`,
      )
    ).rows;
    return { milestones, projects };
  } finally {
    await client.end();
  }
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function writeRuns(label: string, bases: string[], admin: Session, databaseUrl: string, connections: number[]) {
  const rows: Row[] = [];
  const headers = { cookie: admin.cookie, "x-csrf-token": admin.csrfToken };
  for (const c of connections) {
    const { milestones, projects } = await writeTargets(databaseUrl);
    let m = 0;
    const statusUpdate = () => {
      const target = milestones[m++ % milestones.length]!;
      const body = JSON.stringify({
        status: target.status === "planned" ? "in_progress" : "planned",
        version: target.version,
      });
      return { path: `/api/milestones/${target.id}`, body };
    };
    const runs = await Promise.all(
      bases.map((base) => load({ url: base, connections: c, method: "PATCH", headers, next: statusUpdate })),
    );
    rows.push(combine(`status update (PATCH milestone + audit row)${label}`, c, runs));
    if (m > milestones.length) console.warn("more status updates than milestones: some were 409");
    let p = 0;
    const room = new Map(projects.map((x) => [x.id, x.room]));
    const report = () => {
      // The next project with room left: each report moves one household back.
      for (;;) {
        const target = projects[p++ % projects.length]!;
        const left = room.get(target.id)!;
        if (left <= 0) continue;
        room.set(target.id, left - 1);
        return {
          path: `/api/projects/${target.id}/progress-reports`,
          body: JSON.stringify({ reportedOn: today(), households: 1, note: "基准" }),
        };
      }
    };
    const reports = await Promise.all(
      bases.map((base) => load({ url: base, connections: c, method: "POST", headers, next: report })),
    );
    rows.push(combine(`progress report (POST + ledger + audit row)${label}`, c, reports));
  }
  for (const row of rows)
    console.log(
      `${row.what} @${row.connections}: ${row.api.rps}/s p95 ${row.api.p95} ms (${row.api.non2xx + row.api.errors} failed)`,
    );
  return rows;
}

/** Runs against several processes at once, added up (latencies: the worst process's). */
function combine(what: string, connections: number, runs: Figures[]): Row {
  const sum = (k: keyof Figures) => runs.reduce((s, r) => s + r[k], 0);
  const max = (k: keyof Figures) => Math.max(...runs.map((r) => r[k]));
  return {
    what,
    connections: connections * runs.length,
    api: {
      rps: sum("rps"),
      p50: max("p50"),
      p95: max("p95"),
      p99: max("p99"),
      requests: sum("requests"),
      errors: sum("errors"),
      non2xx: sum("non2xx"),
    },
  };
}

const pct = (n: number | undefined) => (n === undefined ? "" : `${Math.round(n * 100)} %`);
const table = (rows: Row[]) => [
  "| what | connections | req/s | p50 ms | p95 ms | failed | bare req/s | bare p95 ms | of bare | of trivial |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.what} | ${r.connections} | ${figure(r.api.rps)} | ${r.api.p50} | ${r.api.p95} | ${r.api.non2xx + r.api.errors} | ${
        r.bare ? figure(r.bare.rps) : ""
      } | ${r.bare ? r.bare.p95 : ""} | ${pct(r.ofBare)} | ${pct(r.ofTrivial)} |`,
  ),
];

async function main() {
  const started = new Date();
  const loadBefore = os.loadavg();
  const db = await openBenchDatabase();
  const children: ChildProcess[] = [];
  try {
    // From a fresh clone: no data yet, so load it first (what `pnpm bench:data` does).
    if ((await benchProjects(db.url)) < 100) {
      console.log("no benchmark data yet: loading it (pnpm bench:data)");
      await loadBenchData(db);
    }
    // Migrations added since the data was loaded (an index, say): the plans must see them.
    await applyMigrations(db.url);
    const prisma = createPrismaClient(db.url, { max: 2 });
    const projects = await prisma.project.count().finally(() => prisma.$disconnect());
    const routes = await (async () => {
      const p = createPrismaClient(db.url, { max: 2 });
      try {
        return await readRoutes(p);
      } finally {
        await p.$disconnect();
      }
    })();
    if (projects < 100)
      console.warn(`only ${projects} projects: run \`pnpm bench:data\` first for the province's data`);
    const captured = await captureStatements(db.url, routes);
    await mkdir(reportDir, { recursive: true });
    const statementsFile = path.join(reportDir, "statements.json");
    await writeFile(
      statementsFile,
      JSON.stringify(routes.map((r) => ({ name: r.name, statements: captured.get(r.name)!.warm }))),
    );

    // One API process and the bare server, on the province's data.
    const one = await startApi(db.url);
    children.push(one.child);
    const barePort = await findFreePort();
    const bare = await startProcess(
      "bare server",
      ["bench/bare-server.ts", statementsFile, String(barePort)],
      { DATABASE_URL: db.url, DATABASE_POOL_MAX: String(poolMax) },
      `http://127.0.0.1:${barePort}/bare/health`,
    );
    children.push(bare);
    const sessions = new Map<string, Session>();
    for (const user of new Set([...routes.map((r) => r.user), "admin"]))
      sessions.set(user, await signInOver(one.base, user));
    const reads = await readRuns(
      "province",
      one.base,
      `http://127.0.0.1:${barePort}`,
      routes,
      sessions,
      connectionCounts,
    );
    await stopProcess(bare);
    const writes = await writeRuns("", [one.base], sessions.get("admin")!, db.url, connectionCounts);

    // Two API processes behind the same Postgres: the sessions signed in on the first serve on both.
    const two = await startApi(db.url);
    children.push(two.child);
    const list = routes[1]!;
    const both = await Promise.all(
      [one.base, two.base].map((base) =>
        load({ url: `${base}${list.url}`, connections: 50, headers: { cookie: sessions.get(list.user)!.cookie } }),
      ),
    );
    const single = await load({
      url: `${one.base}${list.url}`,
      connections: 100,
      headers: { cookie: sessions.get(list.user)!.cookie },
    });
    const scaleRows: Row[] = [
      { what: `${list.name}, one process`, connections: 100, api: single },
      combine(`${list.name}, two processes (50 connections each, sessions of the first)`, 50, both),
      ...(await writeRuns(", two processes", [one.base, two.base], sessions.get("admin")!, db.url, [50])),
    ];
    for (const r of scaleRows.slice(0, 2))
      console.log(`${r.what}: ${r.api.rps}/s p95 ${r.api.p95} ms (${r.api.non2xx + r.api.errors} failed)`);
    await Promise.all([stopProcess(one.child), stopProcess(two.child)]);

    // The demo's data alone: a database of its own on the same server.
    let demoRows: Row[] = [];
    if (db.adminUrl) {
      const admin = new pg.Client({ connectionString: db.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS resettle_bench_demo WITH (FORCE)`);
      await admin.query(`CREATE DATABASE resettle_bench_demo`);
      await admin.end();
      const demoUrl = db.url.replace(/\/resettle_bench(\?|$)/, "/resettle_bench_demo$1");
      await applyMigrations(demoUrl);
      const seedClient = createPrismaClient(demoUrl, { max: 2 });
      await seedDatabase(seedClient, { demo: true }).finally(() => seedClient.$disconnect());
      const demoRoutes = await (async () => {
        const p = createPrismaClient(demoUrl, { max: 2 });
        try {
          return await readRoutes(p);
        } finally {
          await p.$disconnect();
        }
      })();
      const demoApi = await startApi(demoUrl);
      children.push(demoApi.child);
      const demoSessions = new Map<string, Session>();
      for (const user of new Set(demoRoutes.map((r) => r.user)))
        demoSessions.set(user, await signInOver(demoApi.base, user));
      demoRows = await readRuns("demo", demoApi.base, null, demoRoutes, demoSessions, [100]);
      await stopProcess(demoApi.child);
    }

    const report = {
      started: started.toISOString(),
      finished: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: os.loadavg(),
      },
      settings: { secondsPerRun: seconds, connections: connectionCounts, databasePoolMax: poolMax, projects },
      firstRequestMs: Object.fromEntries(routes.map((r) => [r.name, captured.get(r.name)!.coldMs])),
      statementsPerRequest: Object.fromEntries(
        routes.map((r) => [
          r.name,
          { first: captured.get(r.name)!.cold.length, next: captured.get(r.name)!.warm.length },
        ]),
      ),
      reads,
      writes,
      twoProcesses: scaleRows,
      demo: demoRows,
    };
    await writeFile(path.join(reportDir, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
    const md = [
      `# pnpm bench: ${report.started}`,
      "",
      `${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGb} GB, Node ${report.machine.node}; load average before ${loadBefore
        .map((l) => l.toFixed(1))
        .join(
          " / ",
        )}, after ${report.machine.loadAverageAfter.map((l) => l.toFixed(1)).join(" / ")}. ${seconds} s per run, pool ${poolMax}, ${figure(projects)} projects.`,
      "",
      "## Reads (province data), API beside the bare Fastify + pg server sending the same SQL",
      "",
      ...table(reads),
      "",
      "The first request of each route through the app in this process, nothing kept yet (ms), and the statements it and the next one sent:",
      "",
      ...routes.map(
        (r) =>
          `- ${r.name}: ${captured.get(r.name)!.coldMs} ms; ${captured.get(r.name)!.cold.length} statements, then ${captured.get(r.name)!.warm.length}`,
      ),
      "",
      "## Writes (one process)",
      "",
      ...table(writes),
      "",
      "## Two API processes behind one Postgres",
      "",
      ...table(scaleRows),
      "",
      "## Reads on the demo's data alone",
      "",
      ...table(demoRows),
      "",
    ].join("\n");
    await writeFile(path.join(reportDir, "report.md"), md);
    console.log(`\nreport: ${path.join(reportDir, "report.md")}`);
  } finally {
    await Promise.all(children.map(stopProcess));
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
