#!/usr/bin/env node
// What a first visit downloads, measured in a real browser: the built app served by the API
// (scripts/serve-built-app.mjs), Chromium with an empty cache, and every response's bytes as
// they came over the wire (compressed, if the server compressed them) and as the page got them.
//
//   pnpm build && node scripts/measure-first-load.mjs [--json out.json] [--accept-encoding gzip] [--profile]
//
// Pages: the sign-in page (/login, signed out) and a leader's dashboard (/, signed in through the
// API first, so only the dashboard's own loading is counted), each waited on until drawn and the
// network is idle. WEB_DIST serves another build of the web app; PERF_PORT moves the port.
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { CHROMIUM_ARGS, chromiumPath, DEMO_PASSWORD, playwright, startBuiltApp } from "./serve-built-app.mjs";

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const jsonOut = option("--json");
// `--accept-encoding gzip`: what a browser without brotli gets (the budget counts gzip).
const acceptEncoding = option("--accept-encoding");
// `--profile`: also sample the main thread (CDP) while the page loads, and say where its time went.
const profiling = process.argv.includes("--profile");

const pages = [
  {
    name: "sign-in (/login)",
    path: "/login",
    signIn: null,
    drawn: "button[type=submit]",
    ready: (page) => page.getByRole("button", { name: /登\s*录/ }).waitFor(),
  },
  {
    name: "leader's dashboard (/)",
    path: "/",
    signIn: "leader",
    // Drawn once its figures are: the plan's years in their table (a read-only table since round 3,
    // antd's Table before). The district charts follow, once in view or once the browser is idle;
    // they are counted apart ("after it is drawn").
    drawn: ".read-only-table tbody tr, .ant-table-row",
    ready: (page) => page.locator(".read-only-table tbody tr, .ant-table-row").first().waitFor(),
    // What follows: the charts, drawn once the browser has been idle (or they come into view).
    then: (page) => page.locator(".trajectory-chart svg").first().waitFor({ timeout: 30_000 }),
  },
];

/** Busy time of a CPU profile (idle excluded), by script and by function, in ms. */
function mainThread(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byScript = new Map();
  const byFunction = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (frame.functionName === "(idle)") return;
    const script = frame.url ? new URL(frame.url).pathname : frame.functionName;
    const fn = `${frame.functionName || "(anonymous)"} ${script}`;
    busy += ms;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return { busy: Math.round(busy), scripts: top(byScript, 8), functions: top(byFunction, 8) };
}

const kb = (bytes) => (bytes / 1000).toFixed(1); // kB of 1,000 bytes, as Vite and the budget count

async function measure(browser, baseURL, { path, signIn, drawn, ready, then }) {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    ...(acceptEncoding ? { extraHTTPHeaders: { "accept-encoding": acceptEncoding } } : {}),
  });
  if (signIn) {
    const answer = await context.request.post("/api/auth/login", {
      data: { username: signIn, password: DEMO_PASSWORD },
    });
    if (answer.status() !== 200) throw new Error(`sign in as ${signIn}: ${answer.status()}`);
  }
  // When the page was drawn (`drawn` first matched), by the page's own clock: what it asked for
  // before that is its first load, compared by each resource's start time, not by when this
  // process heard of it (late on a loaded machine).
  await context.addInitScript((selector) => {
    // In the page (globalThis is its window).
    new globalThis.MutationObserver((_, observer) => {
      if (!globalThis.document.querySelector(selector)) return;
      globalThis.__drawnAt = performance.now();
      observer.disconnect();
    }).observe(globalThis.document, { childList: true, subtree: true });
  }, drawn);
  const page = await context.newPage();
  const responses = [];
  page.on("requestfinished", (request) => {
    responses.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        const body = await response.body().catch(() => Buffer.alloc(0));
        return {
          url: new URL(request.url()).pathname,
          type: request.resourceType(),
          encoding: (await response.headerValue("content-encoding")) ?? "identity",
          wire: sizes.responseBodySize,
          decoded: body.length,
          // What the same bytes come to at gzip 9 (as the build precompresses): compare builds
          // whose server sent them differently.
          gzip9: gzipSync(body, { level: 9 }).length,
        };
      })(),
    );
  });
  const cdp = profiling ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState("networkidle");
  if (then) {
    await then(page);
    await page.waitForLoadState("networkidle");
  }
  const cpu = cdp ? mainThread((await cdp.send("Profiler.stop")).profile) : null;
  const timing = await page.evaluate(() => ({
    drawnAt: globalThis.__drawnAt,
    started: performance.getEntriesByType("resource").map((entry) => [new URL(entry.name).pathname, entry.startTime]),
  }));
  const startedAt = new Map(timing.started);
  // Asked for before the page was drawn: its first load. Later: what follows it (lazy charts).
  const all = (await Promise.all(responses)).map((r) => ({
    ...r,
    beforeDrawn: !(startedAt.get(r.url) > timing.drawnAt),
  }));
  await context.close();
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  const scripts = all.filter((r) => r.type === "script");
  const later = scripts.filter((r) => !r.beforeDrawn);
  const styles = all.filter((r) => r.type === "stylesheet");
  const api = all.filter((r) => r.url.startsWith("/api/"));
  return {
    scripts: {
      count: scripts.length,
      wire: sum(scripts, "wire"),
      decoded: sum(scripts, "decoded"),
      gzip9: sum(scripts, "gzip9"),
    },
    // The scripts asked for once the page was drawn (they are in `scripts` too).
    later: {
      count: later.length,
      wire: sum(later, "wire"),
      decoded: sum(later, "decoded"),
      gzip9: sum(later, "gzip9"),
    },
    styles: { count: styles.length, wire: sum(styles, "wire"), decoded: sum(styles, "decoded") },
    api: { count: api.length, wire: sum(api, "wire"), decoded: sum(api, "decoded") },
    all: { count: all.length, wire: sum(all, "wire"), decoded: sum(all, "decoded") },
    ...(cpu ? { cpu } : {}),
    responses: all,
  };
}

const { chromium } = playwright();
const app = await startBuiltApp();
const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
const results = {};
try {
  for (const target of pages) {
    const result = await measure(browser, app.baseURL, target);
    results[target.name] = result;
    console.log(`\n${target.name}`);
    for (const [what, figures] of Object.entries(result).filter(([key]) => !["responses", "cpu"].includes(key)))
      console.log(
        `  ${what.padEnd(8)} ${String(figures.count).padStart(3)} responses  ${kb(figures.wire).padStart(8)} kB over the wire  ${kb(figures.decoded).padStart(8)} kB decoded`,
      );
    const byEncoding = {};
    for (const r of result.responses.filter((r) => r.type === "script"))
      byEncoding[r.encoding] = (byEncoding[r.encoding] ?? 0) + 1;
    console.log(`  scripts at gzip 9: ${kb(result.scripts.gzip9)} kB`);
    const first = (key) => kb(result.scripts[key] - result.later[key]);
    console.log(
      `  first load (scripts asked for before the page was drawn): ${result.scripts.count - result.later.count} files, ${first("wire")} kB over the wire, ${first("gzip9")} kB at gzip 9; after it was drawn: ${result.later.count} files, ${kb(result.later.wire)} kB over the wire`,
    );
    if (result.cpu) {
      const list = (entries) => entries.map(({ name, ms }) => `${name} ${ms}`).join(", ");
      console.log(`  main thread busy ${result.cpu.busy} ms; by script: ${list(result.cpu.scripts)}`);
      console.log(`  by function (self time): ${list(result.cpu.functions)}`);
    }
    console.log(
      `  scripts by content-encoding: ${Object.entries(byEncoding)
        .map(([encoding, count]) => `${encoding} ${count}`)
        .join(", ")}`,
    );
  }
} finally {
  await browser.close();
  await app.stop();
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
