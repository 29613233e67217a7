#!/usr/bin/env node
// Lighthouse (performance and accessibility) on the built app, offline, with the system's Chromium:
// the sign-in page, and a leader's dashboard (signed in through the API; the session cookie goes
// with every request). Each page is audited with Lighthouse's desktop profile and its default
// (mobile: slow 4G, 4× slower CPU — nearer the old PCs on slow links the product is for).
//
//   pnpm build && pnpm lighthouse [--runs 3] [--out dir]
//
// Reports go to .lighthouse/ or --out (JSON and HTML); the scores, the median of the runs, are
// printed. WEB_DIST audits another build of the web app (docs/performance.md: the "before").
// Not part of `npm test`: the figures depend on the machine and its load (docs/performance.md).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { chromiumPath, DEMO_PASSWORD, root, startBuiltApp } from "./serve-built-app.mjs";

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const runs = Number(option("--runs") ?? 1);
const out = path.resolve(option("--out") ?? path.join(root, ".lighthouse"));
mkdirSync(out, { recursive: true });
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("lighthouse/package.json")), "cli/index.js");

const profiles = [
  { name: "desktop", flags: ["--preset=desktop"] },
  { name: "mobile", flags: [] },
];

async function signIn(baseURL, username) {
  const answer = await fetch(`${baseURL}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`sign in as ${username}: ${answer.status}`);
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith("resettle_session="));
  if (!cookie) throw new Error(`sign in as ${username}: no session cookie`);
  return cookie.split(";")[0];
}

function lighthouse(url, file, flags, chrome) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        cli,
        url,
        "--quiet",
        "--only-categories=performance,accessibility",
        "--output=json",
        "--output=html",
        `--output-path=${file}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --lang=zh-CN",
        ...flags,
      ],
      { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CHROME_PATH: chrome } },
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code} on ${url}`))));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const chrome = await chromiumPath();
const app = await startBuiltApp();
const rows = [];
try {
  const cookie = await signIn(app.baseURL, "leader");
  const pages = [
    { name: "sign-in", path: "/login", headers: null },
    { name: "dashboard", path: "/", headers: { Cookie: cookie } },
  ];
  for (const page of pages)
    for (const profile of profiles) {
      const reports = [];
      for (let run = 1; run <= runs; run += 1) {
        const base = path.join(out, `${page.name}-${profile.name}${runs > 1 ? `-${run}` : ""}`);
        const flags = [...profile.flags, ...(page.headers ? [`--extra-headers=${JSON.stringify(page.headers)}`] : [])];
        // Lighthouse now and then fails to record a trace (NO_NAVSTART): such a run is tried again.
        await lighthouse(`${app.baseURL}${page.path}`, base, flags, chrome).catch(() =>
          lighthouse(`${app.baseURL}${page.path}`, base, flags, chrome),
        );
        reports.push(JSON.parse(readFileSync(`${base}.report.json`, "utf8")));
      }
      const score = (category) => Math.round(median(reports.map((r) => r.categories[category].score)) * 100);
      const metric = (id) => median(reports.map((r) => r.audits[id].numericValue));
      const last = reports.at(-1);
      rows.push({
        page: page.name,
        profile: profile.name,
        performance: score("performance"),
        accessibility: score("accessibility"),
        "FCP ms": Math.round(metric("first-contentful-paint")),
        "LCP ms": Math.round(metric("largest-contentful-paint")),
        "TBT ms": Math.round(metric("total-blocking-time")),
        CLS: Number(metric("cumulative-layout-shift").toFixed(3)),
        "SI ms": Math.round(metric("speed-index")),
        // What keeps accessibility below 100, from the last run.
        "a11y failing": last.categories.accessibility.auditRefs
          .filter((ref) => ref.weight > 0 && last.audits[ref.id].score !== null && last.audits[ref.id].score < 1)
          .map((ref) => ref.id)
          .join(" "),
      });
    }
} finally {
  await app.stop();
}
const version = JSON.parse(readFileSync(path.join(path.dirname(cli), "../package.json"), "utf8")).version;
// The machine's load changes the scores (main-thread time above all): it is printed with them.
const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
console.log(`\nLighthouse ${version}, ${runs} run(s) each, median; ${os.cpus().length} CPUs, load average ${load}`);
console.log(`reports in ${path.relative(process.cwd(), out) || "."}/`);
console.table(rows);
