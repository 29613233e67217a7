import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { createTestApp } from "../test/test-app.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function testApp() {
  const t = await createTestApp();
  cleanups.push(t.close);
  return t;
}

describe("compression (issue 13)", () => {
  it("compresses API JSON past a kilobyte as the browser accepts, and leaves small answers alone", async () => {
    const t = await testApp();
    const leader = t.as("leader");
    const plain = await leader({ url: "/api/projects" });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await leader({ url: "/api/projects", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"))).toEqual(plain.json());

    const gz = await leader({ url: "/api/projects", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString("utf8"))).toEqual(plain.json());

    const small = await t.app.inject({ url: "/api/health", headers: { "accept-encoding": "br, gzip" } });
    expect(small.statusCode).toBe(200);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("sends workbooks as they are, whatever the browser accepts", async () => {
    const t = await testApp();
    const res = await t.as("leader")({ url: "/api/households/export", headers: { "accept-encoding": "br, gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(res.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK"); // a zip: the .xlsx itself
  });

  it("serves the build's precompressed files, keeping immutable caching for assets and no-cache for the page", async () => {
    const { db } = await testApp();
    const root = await mkdtemp(path.join(os.tmpdir(), "resettle-web-"));
    await mkdir(path.join(root, "assets"));
    const script = Buffer.from(`console.log(${JSON.stringify("回迁".repeat(2000))});`);
    const page = Buffer.from(`<!doctype html><title>回迁难</title>${"<!-- padding -->".repeat(200)}`);
    await writeFile(path.join(root, "assets", "app-abc123.js"), script);
    await writeFile(path.join(root, "assets", "app-abc123.js.br"), brotliCompressSync(script));
    await writeFile(path.join(root, "assets", "app-abc123.js.gz"), gzipSync(script));
    await writeFile(path.join(root, "index.html"), page);
    await writeFile(path.join(root, "index.html.br"), brotliCompressSync(page));
    const app = await buildApp({ prisma: db.prisma, webRoot: root });
    cleanups.push(() => app.close());

    const br = await app.inject({ url: "/assets/app-abc123.js", headers: { "accept-encoding": "gzip, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload)).toEqual(script);

    const gz = await app.inject({ url: "/assets/app-abc123.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload)).toEqual(script);

    const identity = await app.inject({ url: "/assets/app-abc123.js" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.rawPayload).toEqual(script);

    // A client route gets index.html, made per answer with its CSP nonce (plugins/web.ts): never
    // cached, and sent as it is (under 2 kB), not as the build's .br of it.
    const route = await app.inject({ url: "/projects/1", headers: { accept: "text/html", "accept-encoding": "br" } });
    expect(route.statusCode).toBe(200);
    expect(route.headers["content-encoding"]).toBeUndefined();
    expect(route.headers["content-type"]).toMatch(/text\/html/);
    expect(route.headers["cache-control"]).toBe("no-store");
    expect(route.body.replace(/<meta name="csp-nonce" content="[^"]+" \/>/, "")).toEqual(page.toString());
    const home = await app.inject({ url: "/", headers: { "accept-encoding": "gzip" } });
    expect(home.headers["content-encoding"]).toBeUndefined();
    expect(home.body).toContain("回迁难");
  });
});
