import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * What a first visit to a page downloads, and how much it may (issue 13, docs/performance.md).
 *
 * A route's first load is every JavaScript chunk the browser fetches before the page is drawn:
 * the entry (index.html's script and what it imports), then the lazily loaded modules the page
 * needs at once (its layout, the page, a chart it draws), each with what it imports, read from
 * Vite's manifest. Sizes are gzip at level 9, as the server sends them (build/precompress.ts);
 * 1 kB is 1,000 bytes, as Vite prints. `scripts/measure-first-load.mjs` measures the same pages
 * in a browser, over the wire: the two must agree.
 *
 * The budgets are what the build loads today with little to spare: a change that adds to a page's
 * first load past them fails `npm test`, and lowering them is how progress is kept. The sign-in
 * page's is issue 13's aim itself (250 kB); the dashboard's aim (350 kB) is not reached yet, and
 * docs/performance.md says what stands in the way.
 */
const ROUTE_BUDGETS: readonly RouteBudget[] = [
  {
    route: "sign-in",
    path: "/login",
    loads: ["index.html", "src/app/routes/login-page.tsx"],
    maxGzipKB: 250,
    targetGzipKB: 250,
  },
  {
    route: "dashboard",
    path: "/",
    loads: [
      "index.html",
      "src/app/layout/app-layout.tsx",
      "src/app/routes/dashboard/dashboard-page.tsx",
      // Not the district cards, their trajectory charts (ECharts) nor the projects' table (antd's
      // Table): they are drawn once in view or once the browser is idle after the page
      // (components/ui/use-seen-or-idle.ts, routes/dashboard/dashboard-below-the-fold.tsx).
    ],
    maxGzipKB: 394,
    targetGzipKB: 350,
  },
];

/** No single chunk, on any page, may grow past this (gzip): the largest is ECharts' core with the SVG renderer, grid and tooltip (~160 kB). */
const CHUNK_CEILING_GZIP_KB = 170;

export type RouteBudget = {
  route: string;
  path: string;
  /** Manifest keys of what the page loads at once; what they import is followed. */
  loads: string[];
  /** The budget: past it the test fails. */
  maxGzipKB: number;
  /** Issue 13's aim, not reached yet (docs/performance.md says what stands in the way). */
  targetGzipKB?: number;
};

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };
export type Manifest = Record<string, ManifestChunk>;

type ChunkSize = { file: string; bytes: number; gzip: number };
type RouteReport = RouteBudget & { chunks: ChunkSize[]; bytes: number; gzip: number; over: boolean };
export type BundleReport = {
  routes: RouteReport[];
  /** Every JavaScript chunk of the build, largest (gzip) first. */
  chunks: ChunkSize[];
  /** Chunks past the ceiling. */
  oversized: ChunkSize[];
  problems: string[];
};

export const MANIFEST = ".vite/manifest.json";

const kB = (bytes: number) => bytes / 1000;

function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(path.join(dist, MANIFEST), "utf8")) as Manifest;
}

/** The manifest keys a route loads: the given ones and, transitively, what they import statically. */
function firstLoadKeys(manifest: Manifest, loads: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of loads) visit(key);
  return [...seen];
}

export function bundleReport(
  dist: string,
  budgets: readonly RouteBudget[] = ROUTE_BUDGETS,
  ceilingKB = CHUNK_CEILING_GZIP_KB,
): BundleReport {
  const manifest = readManifest(dist);
  const sizes = new Map<string, ChunkSize>();
  const sizeOf = (file: string): ChunkSize => {
    let size = sizes.get(file);
    if (!size) {
      const content = readFileSync(path.join(dist, file));
      size = { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const problems: string[] = [];
  const routes = budgets.map((budget): RouteReport => {
    for (const key of budget.loads)
      if (!manifest[key])
        problems.push(`${budget.route}: ${key} is not in the build's manifest (renamed or no longer loaded?)`);
    const files = [...new Set(firstLoadKeys(manifest, budget.loads).map((key) => manifest[key]!.file))].filter((f) =>
      f.endsWith(".js"),
    );
    const chunks = files.map(sizeOf).sort((a, b) => b.gzip - a.gzip);
    const bytes = chunks.reduce((sum, c) => sum + c.bytes, 0);
    const gzip = chunks.reduce((sum, c) => sum + c.gzip, 0);
    return { ...budget, chunks, bytes, gzip, over: kB(gzip) > budget.maxGzipKB };
  });
  const all = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter(
    (file) => file.endsWith(".js") && existsSync(path.join(dist, file)),
  );
  const chunks = all.map(sizeOf).sort((a, b) => b.gzip - a.gzip);
  return { routes, chunks, oversized: chunks.filter((c) => kB(c.gzip) > ceilingKB), problems };
}

const fmt = (bytes: number) => `${kB(bytes).toFixed(1)} kB`;

/** The report as the build prints it: each route's first load, chunk by chunk, then the verdict. */
export function formatReport(report: BundleReport, ceilingKB = CHUNK_CEILING_GZIP_KB): string {
  const lines: string[] = [];
  for (const route of report.routes) {
    lines.push(
      `${route.over ? "✖" : "✓"} ${route.route} (${route.path}): ${route.chunks.length} chunks, ${fmt(route.gzip)} gzip of ${route.maxGzipKB} kB (${fmt(route.bytes)} minified)${route.targetGzipKB && kB(route.gzip) > route.targetGzipKB ? `; aim ${route.targetGzipKB} kB, not met` : ""}`,
    );
    for (const chunk of route.chunks)
      lines.push(`    ${chunk.file.padEnd(52)} ${fmt(chunk.gzip).padStart(10)} gzip ${fmt(chunk.bytes).padStart(10)}`);
  }
  lines.push(
    report.oversized.length === 0
      ? `✓ every chunk within ${ceilingKB} kB gzip (largest: ${report.chunks[0] ? `${report.chunks[0].file}, ${fmt(report.chunks[0].gzip)}` : "none"})`
      : `✖ chunks past ${ceilingKB} kB gzip: ${report.oversized.map((c) => `${c.file} ${fmt(c.gzip)}`).join(", ")}`,
  );
  for (const problem of report.problems) lines.push(`✖ ${problem}`);
  return lines.join("\n");
}

/** What breaks the budget, one line each; empty when within it. */
export function budgetFailures(report: BundleReport, ceilingKB = CHUNK_CEILING_GZIP_KB): string[] {
  return [
    ...report.problems,
    ...report.routes
      .filter((r) => r.over)
      .map((r) => `${r.route} (${r.path}) loads ${fmt(r.gzip)} gzip, past its budget of ${r.maxGzipKB} kB`),
    ...report.oversized.map((c) => `${c.file} is ${fmt(c.gzip)} gzip, past the ${ceilingKB} kB ceiling for a chunk`),
  ];
}
