import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";
import { budgetFailures, bundleReport, formatReport } from "./bundle-budget";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

/**
 * Writes `name.gz` (gzip 9) and `name.br` (brotli 11) beside every text file of the build, once, at
 * build time: the server sends the one the browser accepts (@fastify/static `preCompressed`) and
 * compresses nothing per request.
 */
export function precompress(): Plugin {
  return {
    name: "resettle:precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file) && !file.startsWith(".vite/"));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(dir, file);
          const content = await readFile(full);
          if (content.length < MIN_BYTES) return;
          const [gz, br] = await Promise.all([
            gzipAsync(content, { level: 9 }),
            brotliAsync(content, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
          ]);
          if (gz.length < content.length) await writeFile(`${full}.gz`, gz);
          if (br.length < content.length) await writeFile(`${full}.br`, br);
        }),
      );
    },
  };
}

/**
 * Prints each route's first-load chunks and their gzip sizes after the build, against the budget
 * (build/bundle-budget.ts). A breach is a warning here (the app still builds and starts); the test
 * build/bundle-budget.test.ts fails on it, in `npm test`.
 */
export function bundleBudgetReport(): Plugin {
  return {
    name: "resettle:bundle-budget",
    apply: "build",
    writeBundle(options) {
      const report = bundleReport(options.dir!);
      this.info(`first load per route (gzip, 1 kB = 1,000 bytes):\n${formatReport(report)}`);
      for (const failure of budgetFailures(report)) this.warn(`bundle budget: ${failure}`);
    },
  };
}

const JSON_KEYS = "virtual:json-keys/";

/**
 * `import texts from "virtual:json-keys/./zh-CN.json#app,auth,reports.nav"`: the JSON file's named
 * keys only (a top-level key, or a path into one), as a module of its own. The first load takes
 * the texts the sign-in page needs without the other pages', the signed-in frame and the dashboard
 * theirs (lib/i18n/i18n.ts, lib/i18n/page-texts.tsx, issue 13); the whole file stays the one source
 * of the texts.
 */
export function jsonKeys(): Plugin {
  return {
    name: "resettle:json-keys",
    enforce: "pre",
    resolveId(source, importer) {
      if (!source.startsWith(JSON_KEYS) || !importer) return null;
      const [file, keys = ""] = source.slice(JSON_KEYS.length).split("#");
      // Not ending in ".json" (Vite's JSON plugin would take it), nor with a "#" (lost in dev URLs).
      return `\0${JSON_KEYS}${path.resolve(path.dirname(importer), file!)}!${keys}`;
    },
    async load(id) {
      if (!id.startsWith(`\0${JSON_KEYS}`)) return null;
      const [file, keys = ""] = id.slice(JSON_KEYS.length + 1).split("!");
      this.addWatchFile(file!);
      const wanted = keys.replace(/\?.*$/, "").split(",").filter(Boolean);
      const all = JSON.parse(await readFile(file!, "utf8")) as Record<string, unknown>;
      const missing = wanted.filter((key) => pick(all, key) === undefined);
      if (missing.length > 0) this.error(`${file} has no ${missing.join(", ")}`);
      const picked: Record<string, unknown> = {};
      for (const key of wanted) put(picked, key, pick(all, key));
      // JSON.parse of a string is quicker for the browser than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(picked))});`;
    },
  };
}

/** The value at a dotted path ("reports.briefing.nav") of a parsed JSON object. */
function pick(node: unknown, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === "object" && Object.hasOwn(at, key)
          ? (at as Record<string, unknown>)[key]
          : undefined,
      node,
    );
}

/** Sets a dotted path of `target`, making the objects on the way. */
function put(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  const last = keys.pop()!;
  let at = target;
  for (const key of keys) at = (at[key] ??= {}) as Record<string, unknown>;
  at[last] = value;
}
