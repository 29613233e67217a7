import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { createTestApp } from "../test/test-app.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The page as Vite builds it: a <head> with the entry script and the stylesheet, no inline style. */
const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>回迁难问题督办平台</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

async function appWithPage() {
  const t = await createTestApp();
  cleanups.push(t.close);
  const root = await mkdtemp(path.join(os.tmpdir(), "resettle-web-"));
  await mkdir(path.join(root, "assets"));
  await writeFile(path.join(root, "index.html"), PAGE);
  await writeFile(path.join(root, "assets", "index-abc123.css"), "body{margin:0}");
  const app = await buildApp({ prisma: t.db.prisma, webRoot: root });
  cleanups.push(() => app.close());
  return app;
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("Content-Security-Policy", () => {
  it("gives the page a fresh style nonce per answer, the same in the header and the page; 'unsafe-inline' only for style attributes", async () => {
    const app = await appWithPage();
    const nonces: string[] = [];
    for (const url of ["/", "/", "/projects/123", "/index.html"]) {
      const res = await app.inject({ url, headers: { accept: "text/html" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
      const csp = directives(res.headers["content-security-policy"]);
      expect(csp["style-src"], url).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/)]);
      // <style> elements only with the nonce; style attributes (ECharts' HTML tooltips) allowed.
      expect(csp["style-src-elem"], url).toEqual(csp["style-src"]);
      expect(csp["style-src-attr"], url).toEqual(["'unsafe-inline'"]);
      const others = Object.entries(csp).filter(([name]) => name !== "style-src-attr");
      expect(
        others.filter(([, values]) => values.includes("'unsafe-inline'")),
        url,
      ).toEqual([]);
      expect(csp["script-src"], url).toEqual(["'self'"]);
      const inPage = /<meta name="csp-nonce" content="([^"]+)" \/>/.exec(res.body)?.[1];
      expect(csp["style-src"]![1], url).toBe(`'nonce-${inPage}'`);
      // In the head, before anything that could use it.
      expect(res.body.indexOf("csp-nonce"), url).toBeLessThan(res.body.indexOf("<script"));
      nonces.push(inPage!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("allows no inline style on API answers and the app's files", async () => {
    const app = await appWithPage();
    for (const url of ["/api/health", "/api/projects", "/assets/index-abc123.css"]) {
      const res = await app.inject({ url });
      const csp = directives(res.headers["content-security-policy"]);
      expect(csp["style-src"], url).toEqual(["'self'"]);
      expect(String(res.headers["content-security-policy"]), url).not.toContain("unsafe-inline");
      expect(csp["script-src"], url).toEqual(["'self'"]);
      expect(csp["object-src"], url).toEqual(["'none'"]);
      expect(csp["frame-ancestors"], url).toEqual(["'none'"]);
    }
  });
});
