import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { createTestApp } from "./test/test-app.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function testApp() {
  const t = await createTestApp();
  cleanups.push(t.close);
  return t;
}

describe("the application shell", () => {
  it("sends security headers and a request id of its own making on every answer", async () => {
    const { app } = await testApp();
    const res = await app.inject({ url: "/api/health", headers: { "x-request-id": "trace-12345678" } });
    // The client's id is never taken as ours (it may only sit beside ours in the audit row).
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(String(res.headers["content-security-policy"])).toContain("default-src 'self'");
  });

  it("answers unknown API routes with the JSON error shape", async () => {
    const { app } = await testApp();
    const res = await app.inject({ url: "/api/nothing-here", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "NOT_FOUND", requestId: expect.any(String) } });
  });

  it("hides the internals of a 5xx", async () => {
    const { app } = await testApp();
    app.get("/api/boom", { config: { access: "public" } }, async () => {
      throw new Error("password=hunter2 at db.internal:5432");
    });
    const res = await app.inject({ url: "/api/boom" });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({ code: "INTERNAL", message: "Internal server error" });
    expect(res.body).not.toContain("hunter2");
  });

  it("answers malformed JSON with 400 VALIDATION_FAILED", async () => {
    const { app } = await testApp();
    app.post("/api/echo", { config: { access: "public" } }, async (req) => req.body ?? {});
    const res = await app.inject({
      method: "POST",
      url: "/api/echo",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("answers a body too large with 413 and a type it does not read with 415, each with its own code", async () => {
    const { app } = await testApp();
    app.post("/api/echo", { config: { access: "public" } }, async (req) => req.body ?? {});
    const large = await app.inject({
      method: "POST",
      url: "/api/echo",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ text: "x".repeat(1_100_000) }),
    });
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const xml = await app.inject({
      method: "POST",
      url: "/api/echo",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("API answers are never cached: the session's CSRF token and each user's figures stay out of caches", async () => {
    const { app } = await testApp();
    for (const url of ["/api/health", "/api/auth/me", "/api/no-such-route"]) {
      const res = await app.inject({ url });
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
  });

  it("publishes the OpenAPI document generated from the zod schemas", async () => {
    const { app } = await testApp();
    const res = await app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/dashboard", "/api/projects", "/api/projects/{id}", "/api/persons"]),
    );
    expect(doc.paths["/api/projects"].get.parameters.map((p: { name: string }) => p.name)).toContain("districtId");
    const docs = await app.inject({ url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
  });

  it("serves the SPA, and index.html for client routes so a reload keeps the page", async () => {
    const { db } = await testApp();
    const root = await mkdtemp(path.join(os.tmpdir(), "resettle-web-"));
    await mkdir(path.join(root, "assets"));
    await writeFile(path.join(root, "index.html"), "<!doctype html><title>回迁难</title>");
    await writeFile(path.join(root, "assets", "app-abc123.js"), "console.log(1)");
    const app = await buildApp({ prisma: db.prisma, webRoot: root });
    cleanups.push(() => app.close());
    const page = await app.inject({ url: "/projects/123", headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("回迁难");
    const asset = await app.inject({ url: "/assets/app-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    const api = await app.inject({ url: "/api/unknown", headers: { accept: "text/html" } });
    expect(api.statusCode).toBe(404);
    // Outside /api too, every route says who may call it: the page is public, the files need no list.
    expect(app.pageRoutes).toEqual([{ method: "GET", url: "/", access: "public" }]);
  });

  it("refuses at start-up a route outside /api that declares no access rule", async () => {
    const { app } = await testApp();
    expect(() => app.get("/metrics", async () => "up 1")).toThrow("GET /metrics declares no access rule");
    expect(() => app.get("/api/thing", async () => "x")).toThrow("GET /api/thing declares no access rule");
  });
});
