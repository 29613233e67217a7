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
