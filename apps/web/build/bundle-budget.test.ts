import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { budgetFailures, bundleReport, formatReport, MANIFEST, type Manifest, type RouteBudget } from "./bundle-budget";

const web = path.resolve(import.meta.dirname, "..");
const dist = path.join(web, "dist");
const manifest = path.join(dist, MANIFEST);

/** The newest change to anything the web build is made of. */
function newestSource(): number {
  let newest = 0;
  const walk = (file: string) => {
    const stat = statSync(file);
    if (stat.isDirectory()) for (const entry of readdirSync(file)) walk(path.join(file, entry));
    else if (!/\.test\.tsx?$/.test(file)) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const file of [
    path.join(web, "src"),
    path.join(web, "build"),
    path.join(web, "index.html"),
    path.join(web, "vite.config.ts"),
    path.join(web, "package.json"),
    path.join(web, "../../packages/domain/src"),
    path.join(web, "../../packages/domain/package.json"),
  ])
    if (existsSync(file)) walk(file);
  return newest;
}

// `npm test` builds first (scripts/bootstrap.mjs), so this reads the build of the code under test.
// A build older than the sources (a developer's `vitest run` after an edit) says nothing about them:
// the check is skipped, saying so, rather than judging old chunks.
const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource();
if (!fresh)
  console.warn(
    `bundle budget: skipped, ${existsSync(manifest) ? "apps/web/dist is older than the sources" : "no build in apps/web/dist"}; run \`pnpm --filter @resettle/web build\` first`,
  );

describe.skipIf(!fresh)("the build's first load per route (issue 13)", () => {
  it("stays within each route's budget and the ceiling for one chunk", () => {
    const report = bundleReport(dist);
    console.log(formatReport(report));
    expect(budgetFailures(report)).toEqual([]);
    for (const route of report.routes) expect(route.chunks.length).toBeGreaterThan(1);
  });

  it("keeps the pages' own code out of the sign-in page", () => {
    const signIn = bundleReport(dist).routes.find((r) => r.route === "sign-in")!;
    const files = signIn.chunks.map((c) => c.file).join(" ");
    for (const page of ["dashboard-page", "app-layout", "trajectory-chart", "use-echarts"])
      expect(files).not.toContain(page);
  });
});

describe("the budget check itself", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "resettle-budget-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, bytes: number) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    // Random bytes do not compress: gzip size ≈ bytes.
    writeFileSync(path.join(dir, file), randomBytes(bytes));
  };
  const fake: Manifest = {
    "index.html": { file: "assets/index.js", imports: ["_vendor.js"], css: ["assets/index.css"] },
    "_vendor.js": { file: "assets/vendor.js" },
    "src/page.tsx": { file: "assets/page.js", imports: ["_vendor.js", "_shared.js"] },
    "_shared.js": { file: "assets/shared.js" },
    "src/other.tsx": { file: "assets/other.js" },
  };
  write("assets/index.js", 10_000);
  write("assets/vendor.js", 30_000);
  write("assets/page.js", 5_000);
  write("assets/shared.js", 8_000);
  write("assets/other.js", 70_000);
  write("assets/index.css", 90_000);
  mkdirSync(path.join(dir, ".vite"));
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(fake));
  const budget = (maxGzipKB: number): RouteBudget[] => [
    { route: "page", path: "/page", loads: ["index.html", "src/page.tsx"], maxGzipKB },
  ];

  it("counts the entry, the page and what they import, once each, scripts only", () => {
    const [route] = bundleReport(dir, budget(1000), 1000).routes;
    expect(route!.chunks.map((c) => c.file).sort()).toEqual([
      "assets/index.js",
      "assets/page.js",
      "assets/shared.js",
      "assets/vendor.js",
    ]);
    expect(route!.gzip).toBeGreaterThan(53_000);
    expect(route!.gzip).toBeLessThan(54_000);
  });

  it("goes red when a route grows past its budget or a chunk past the ceiling", () => {
    expect(budgetFailures(bundleReport(dir, budget(60), 80), 80)).toEqual([]);
    const overRoute = budgetFailures(bundleReport(dir, budget(50), 80), 80);
    expect(overRoute).toEqual([
      expect.stringMatching(/^page \(\/page\) loads 5\d\.\d kB gzip, past its budget of 50 kB$/),
    ]);
    const overChunk = budgetFailures(bundleReport(dir, budget(60), 60), 60);
    expect(overChunk).toEqual([expect.stringMatching(/^assets\/other\.js is 70\.\d kB gzip, past the 60 kB ceiling/)]);
  });

  it("goes red when a route names a module the build no longer has", () => {
    const renamed: RouteBudget[] = [
      { route: "page", path: "/page", loads: ["index.html", "src/gone.tsx"], maxGzipKB: 999 },
    ];
    expect(budgetFailures(bundleReport(dir, renamed, 999), 999)).toEqual([
      "page: src/gone.tsx is not in the build's manifest (renamed or no longer loaded?)",
    ]);
  });
});
