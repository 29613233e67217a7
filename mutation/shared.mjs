// @ts-check
/**
 * What the two mutation runs (issue 14: `pnpm mutation`, docs/testing.md) share. Stryker copies
 * the repository into .stryker-tmp/ (never `inPlace`: other work goes on in the working tree),
 * changes one thing at a time in the code under test and runs only the tests that reach it
 * (`perTest` coverage); a mutant that no test notices is a gap in the tests, or a change that
 * makes no difference.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

/**
 * `file:start-end` for each top-level statement of `file` worth mutating: everything but
 * imports, type declarations and zod schemas (`…Schema = z…`, which the API's validation tests
 * cover). Worked out from the source at each run, so that edits do not shift the ranges.
 */
export function ruleRanges(file) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const line = (/** @type {number} */ pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
  return source.statements
    .filter((s) => !ts.isImportDeclaration(s) && !ts.isTypeAliasDeclaration(s) && !ts.isInterfaceDeclaration(s))
    .filter(
      (s) =>
        !ts.isVariableStatement(s) ||
        !s.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && d.name.text.endsWith("Schema")),
    )
    .map((s) => `${file}:${line(s.getStart(source))}-${line(s.end)}`);
}

/** `file:start-end` of the named top-level functions of `file` (declared, or arrow constants). */
export function functionRanges(file, names) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const line = (/** @type {number} */ pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const ranges = source.statements
    .filter((s) =>
      ts.isFunctionDeclaration(s)
        ? names.includes(s.name?.text ?? "")
        : ts.isVariableStatement(s) &&
          s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && names.includes(d.name.text)),
    )
    .map((s) => `${file}:${line(s.getStart(source))}-${line(s.end)}`);
  if (ranges.length !== names.length) throw new Error(`${file}: not all of ${names.join(", ")} found`);
  return ranges;
}

/**
 * The options both runs use, with the Vitest config that picks their tests and the name of
 * their reports (reports/mutation/<name>.html and .json).
 * @param {{ name: string; vitestConfig: string; mutate: string[] }} run
 * @returns {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export function strykerOptions({ name, vitestConfig, mutate }) {
  return {
    packageManager: "pnpm",
    plugins: ["@stryker-mutator/vitest-runner"],
    testRunner: "vitest",
    vitest: { configFile: vitestConfig, related: false },
    mutate,
    coverageAnalysis: "perTest",
    // The machine is shared: one test process at a time.
    concurrency: 1,
    timeoutMS: 20_000,
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    // The sandbox needs the sources, their configs and the migrations; not the local
    // databases (.data is gigabytes), builds, the web app or the browser tests.
    ignorePatterns: ["/.data", "/.lighthouse", "/.ci", "/apps/web", "/e2e", "**/dist", "/reports", "**/test-results"],
    tempDirName: ".stryker-tmp",
    cleanTempDir: true,
    thresholds: { high: 90, low: 80, break: null },
  };
}
