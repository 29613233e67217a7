import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ErrorResponseSchema } from "@resettle/domain";
import { everyTable, type SeededIds } from "./test/fixtures.js";
import { ACCOUNT, MATRIX, type Role, type Row } from "./test/route-matrix.js";
import { eachTestApp, type TestApp } from "./test/test-app.js";

/**
 * UNKNOWN FIELDS ARE REFUSED, NOT DROPPED (issue 14). Every body schema of a write route is
 * strict (`z.strictObject`, nested objects too): a valid request with one field the schema does
 * not have is a 400 naming that field (reason `unrecognized_keys`) and changes nothing, where a
 * stripping schema would quietly drop it and write the rest. The same request without the field
 * gets what the permission matrix says (a 2xx for most), so the 400 is the field's doing. The
 * one write route that reads a query (`plans/import?dryRun=`) refuses an unknown parameter too.
 * Query strings of reads and response schemas stay as they are (not strict).
 */

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const WRITE = /^(POST|PUT|PATCH|DELETE) /;
const UNKNOWN = "colour";
const ROLE_ORDER = ["admin", "working_group", "coordinator", "leader"] as const;
const ok = (status: number) => status >= 200 && status < 300;

/** The role that sends the route's request: the first the matrix lets succeed, else the first past 401/403. */
function callerOf(row: Row): Exclude<Role, "anonymous"> {
  const role =
    ROLE_ORDER.find((r) => ok(row.expect[r])) ?? ROLE_ORDER.find((r) => row.expect[r] !== 401 && row.expect[r] !== 403);
  if (!role) throw new Error(`${row.route}: no signed-in role gets past the permission check`);
  return role;
}

/** The request's JSON object body, if it sends one (not a multipart upload, not an empty POST). */
function jsonObjectOf(request: InjectOptions): Record<string, unknown> | undefined {
  const { payload } = request;
  if (payload === undefined || payload === null || typeof payload !== "object") return undefined;
  if (Buffer.isBuffer(payload) || Array.isArray(payload) || !(Object.getPrototypeOf(payload) === Object.prototype))
    return undefined;
  return payload as Record<string, unknown>;
}

const WRITES = MATRIX.filter((row) => WRITE.test(row.route));

const send = (role: Exclude<Role, "anonymous">, request: InjectOptions) => t.as(ACCOUNT[role])(request);

describe("unknown fields in a write route's body", () => {
  it("no write route's body schema lets an object take keys it does not name (JSON Schema: additionalProperties false)", async () => {
    await t.app.ready();
    const loose: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.properties && o.additionalProperties !== false) loose.push(where);
      for (const [key, value] of Object.entries(o)) walk(value, key === "properties" ? where : `${where}/${key}`);
    };
    for (const r of t.app.apiRoutes) {
      const body = (r.schema as { body?: z.ZodType } | undefined)?.body;
      if (!body || !WRITE.test(`${r.method} `)) continue;
      walk(z.toJSONSchema(body, { io: "input", unrepresentable: "any" }), `${r.method} ${r.url} body`);
    }
    expect(loose).toEqual([]);
  });

  it("a write route's query with a parameter it does not name is a 400 naming it and changes nothing (a misspelt dryRun never imports)", async () => {
    await t.app.ready();
    const withQuery = t.app.apiRoutes
      .filter((r) => WRITE.test(`${r.method} `) && (r.schema as { querystring?: unknown } | undefined)?.querystring)
      .map((r) => `${r.method} ${r.url}`);
    expect(withQuery).toEqual(["POST /api/plans/import"]); // a new one is tried here too: say so
    for (const route of withQuery) {
      const row = MATRIX.find((r) => r.route === route)!;
      const role = callerOf(row);
      await send(role, { url: "/api/auth/me" });
      const request = row.request(ids, role);
      const url = new URL(String(request.url), "http://x");
      url.searchParams.set(UNKNOWN, "red");
      const before = await everyTable(t.db.prisma);
      const refused = await send(role, { ...request, url: url.pathname + url.search });
      expect(refused.statusCode, `${route}: ${refused.body}`).toBe(400);
      expect(ErrorResponseSchema.parse(refused.json()).error.details).toContainEqual(
        expect.objectContaining({ path: "querystring", reason: "unrecognized_keys", params: { keys: UNKNOWN } }),
      );
      expect(await everyTable(t.db.prisma), `${route} changed the database`).toEqual(before);
      const control = await send(role, request);
      expect(control.statusCode, `${route} without the parameter: ${control.body}`).toBe(row.expect[role]);
    }
  });

  it.each(WRITES.map((row) => [row.route, row] as const))(
    "%s: the valid request with an unknown field is a 400 naming it and changes nothing; without it, as the matrix says",
    async (route, row) => {
      const role = callerOf(row);
      const request = row.request(ids, role);
      const body = jsonObjectOf(request);
      if (!body) {
        // No JSON body (an upload, a bare POST): then the route has no body schema to be strict.
        await t.app.ready();
        const registered = t.app.apiRoutes.find((r) => `${r.method} ${r.url}` === route);
        expect(registered, `${route} is not registered`).toBeDefined();
        expect(
          (registered!.schema as { body?: unknown } | undefined)?.body,
          `${route} has a body schema the matrix sends no JSON to`,
        ).toBeUndefined();
        return;
      }
      await send(role, { url: "/api/auth/me" }); // signed in first: signing in is no part of what changes

      const before = await everyTable(t.db.prisma);
      const refused = await send(role, { ...request, payload: { ...body, [UNKNOWN]: "red" } });
      expect(refused.statusCode, `${route}: ${refused.body}`).toBe(400);
      const error = ErrorResponseSchema.parse(refused.json()).error;
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.details).toContainEqual(
        expect.objectContaining({ path: "body", reason: "unrecognized_keys", params: { keys: UNKNOWN } }),
      );
      expect(await everyTable(t.db.prisma), `${route} changed the database`).toEqual(before);

      const control = await send(role, request);
      expect(control.statusCode, `${route} without the field: ${control.body}`).toBe(row.expect[role]);
      if (control.statusCode === 400)
        expect(control.json().error.details ?? []).not.toContainEqual(
          expect.objectContaining({ reason: "unrecognized_keys" }),
        );
    },
  );
});
