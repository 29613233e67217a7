import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ErrorResponseSchema, IDEMPOTENCY_HEADER, IdempotencyKeySchema } from "@resettle/domain";
import {
  BAD_IDS,
  BAD_KEYS,
  type Json,
  type JsonSchema,
  PROTO_RAW,
  clone,
  fieldsOf,
  hasUnstorable,
  mutationArb,
  poisoned,
  refuses,
  serialize,
} from "./test/invalid-json.js";
import { everyTable, seededIds, type SeededIds } from "./test/fixtures.js";
import { ACCOUNT, MATRIX, type Role, type Row } from "./test/route-matrix.js";
import { createTestApp, type TestApp } from "./test/test-app.js";

/**
 * Property-based fuzzing of every write route (issue 14). For each POST/PUT/PATCH/DELETE, as a
 * role allowed to call it (so the request gets past 401/403 to validation), fast-check sends
 * FUZZ_RUNS requests that are each certainly invalid: the route's valid request from the
 * permission matrix, broken along its zod schemas (read through z.toJSONSchema: fields, limits,
 * formats) — wrong types, missing and extra fields, strings past their limit, odd Unicode,
 * `__proto__`/`constructor` keys, impossible and out-of-range dates, numbers out of range — or
 * broken in transport (not JSON, empty, too large, wrong content type, broken multipart), or sent
 * to an invalid id, query or Idempotency-Key. Before a request goes out the oracle checks that it
 * really is invalid (the schema's safeParse fails, or the transport is broken), so a valid request
 * never sneaks in and writes. Every answer must be a 4xx (never 5xx, never 401/403) in the
 * standard error shape, and no table of the database may change.
 *
 * FUZZ_RUNS: requests per route; small in `pnpm test`, 1,000 in `pnpm fuzz`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

type RouteSchema = { body?: z.ZodType; params?: z.ZodType; querystring?: z.ZodType };
type RouteInfo = { schema: RouteSchema; access: string };

/** One request, and why it is invalid (its kind, counted for the report). */
type Case = {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

/** The own keys of the prototypes every parsed body inherits from. */
const prototypeKeys = () =>
  [Object.prototype, Array.prototype, String.prototype, Function.prototype].map((p) =>
    Reflect.ownKeys(p).map(String).sort(),
  );
const PROTOTYPE_KEYS = prototypeKeys();

/** Larger than any route's body limit (the largest, a review's, is 1 MiB): 413. */
const PAST_ANY_LIMIT = 1024 * 1024 + 1;
// ---------------------------------------------------------------------------------------------
// The routes and the request each starts from.

const WRITE = /^(POST|PUT|PATCH|DELETE) /;
const WRITE_ROWS = MATRIX.filter((row) => WRITE.test(row.route));

/** A role that may call the route (its valid request is not 401/403): the office first. */
function callerOf(row: Row): Exclude<Role, "anonymous"> {
  const roles = ["admin", "working_group", "coordinator", "leader"] as const;
  const allowed = roles.find((r) => row.expect[r] !== 401 && row.expect[r] !== 403);
  if (!allowed) throw new Error(`${row.route}: no signed-in role may call it`);
  return allowed;
}

let t: TestApp;
let ids: SeededIds;
let routes: Map<string, RouteInfo>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const account of Object.values(ACCOUNT)) await t.as(account)({ url: "/api/auth/me" }); // sign in first
  await t.app.ready();
  routes = new Map(
    t.app.apiRoutes.map((r) => [`${r.method} ${r.url}`, { schema: (r.schema ?? {}) as RouteSchema, access: r.access }]),
  );
});
afterAll(() => t?.close());

/** The valid request of the matrix, taken apart. */
function baseOf(row: Row, role: Role) {
  const request = row.request(ids, role);
  const method = request.method ?? "GET";
  const url = new URL(String(request.url), "http://x");
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  const multipart = (headers["content-type"] ?? "").startsWith("multipart/");
  const payload = request.payload;
  const body: Json | undefined =
    payload === undefined || multipart ? undefined : (JSON.parse(JSON.stringify(payload)) as Json);
  const raw: Buffer | undefined = multipart ? Buffer.from(payload as Buffer) : undefined;
  return { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body, raw, multipart };
}

/** The params fastify would hand the route, read off the URL by the route's pattern. */
function paramsOf(pattern: string, path: string): Record<string, string> | null {
  const names = pattern.split("/");
  const values = path.split("/");
  if (names.length !== values.length) return null;
  const params: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    if (!name.startsWith(":")) continue;
    if (values[i] === "") return null; // no route: 404
    try {
      params[name.slice(1)] = decodeURIComponent(values[i]!);
    } catch {
      return null; // a malformed escape: 400
    }
  }
  return params;
}

/** Whether fastify parses this content type (so the body's validity is the schema's to decide). */
const PARSED_TYPES = /^(application\/json|text\/plain|multipart\/form-data)\b/i;

/** All the ways of breaking a request to this route, each case certainly invalid (the oracle filters). */
function caseArb(row: Row, { schema, access }: RouteInfo): fc.Arbitrary<Case> {
  const role = callerOf(row);
  const base = baseOf(row, role);
  const [, pattern] = row.route.split(" ") as [string, string];
  const queryString = (q: Record<string, string | string[]>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) for (const each of [v].flat()) s.append(k, each);
    const text = s.toString();
    return text ? `?${text}` : "";
  };
  const baseUrl = base.path + queryString(base.query);
  const json = { "content-type": "application/json" };
  const baseHeaders = base.multipart ? base.headers : base.body === undefined ? {} : json;
  const basePayload = base.multipart ? base.raw : base.body === undefined ? undefined : JSON.stringify(base.body);

  /** Whether the route would accept this JSON body (schemas of params and query being met by the base). */
  const bodyInvalid = (text: string): boolean => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return true; // not JSON: 400 from the parser
    }
    if (poisoned(parsed)) return true; // refused by the parser
    if (hasUnstorable(parsed)) return true;
    return refuses(schema.body, parsed);
  };

  const arbs: { weight: number; arbitrary: fc.Arbitrary<Case | null> }[] = [];

  // 1. A JSON body broken field by field, 1 to 4 breakages at once.
  if (schema.body && base.body !== undefined) {
    let jsonSchema: JsonSchema = {};
    try {
      jsonSchema = z.toJSONSchema(schema.body, { io: "input", unrepresentable: "any" }) as JsonSchema;
    } catch {
      // a schema JSON Schema cannot express: the base's own fields are broken instead
    }
    const fields = [...fieldsOf(jsonSchema).values()];
    arbs.push({
      weight: 10,
      arbitrary: fc
        .tuple(fc.array(mutationArb(fields, base.body), { minLength: 1, maxLength: 4 }), fc.constantFrom(...PROTO_RAW))
        .map(([mutations, proto]) => {
          const body = mutations.reduce((b, m) => m(b), clone(base.body!));
          const text = serialize(body, proto);
          return bodyInvalid(text)
            ? { kind: "body", method: base.method, url: baseUrl, headers: json, payload: text }
            : null;
        }),
    });
    // `__proto__` / `constructor.prototype` as own keys of the root object
    arbs.push({
      weight: 1,
      arbitrary: fc.constantFrom(...PROTO_RAW.slice(0, 2)).map((proto) => {
        const text = JSON.stringify(base.body);
        return {
          kind: "proto",
          method: base.method,
          url: baseUrl,
          headers: json,
          payload: text.startsWith("{") && text !== "{}" ? `${proto.slice(0, -1)},${text.slice(1)}` : proto,
        };
      }),
    });
  }

  // 2. Not JSON at all, or truncated, under a JSON content type; an empty JSON body.
  if (!base.multipart) {
    const text = basePayload === undefined ? '{"a":1}' : String(basePayload);
    arbs.push({
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            "{",
            '{"a":',
            "[1,",
            "{'a':1}",
            "{a:1}",
            "NaN",
            "undefined",
            '{"a":1,}',
            "{}}",
            "<xml/>",
            "--",
            " ",
          ),
          fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((n) => text.slice(0, n)),
          fc.string({ unit: "binary" }),
          fc.constant(""),
        )
        .map((payload) => {
          if (payload === "") return { kind: "empty-json", method: base.method, url: baseUrl, headers: json, payload };
          return bodyInvalid(payload)
            ? { kind: "not-json", method: base.method, url: baseUrl, headers: json, payload }
            : null;
        }),
    });
  }

  // 3. The body under a content type the route does not take: unparsed (415), or parsed but not
  // the JSON object the schema wants.
  arbs.push({
    weight: 2,
    arbitrary: fc
      .constantFrom(
        "application/xml",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
        "application/vnd.api+json",
        "image/png",
        "text/plain",
        "text/plain; charset=utf-8",
        "multipart/form-data; boundary=fuzz",
        ...(base.multipart ? ["application/json"] : []),
      )
      .map((type) => {
        const payload = basePayload ?? "x=1";
        const parsed = PARSED_TYPES.test(type);
        // text/plain hands the route a string, multipart (on a JSON route) no body: only a body schema refuses them
        const invalid = base.multipart ? true : !parsed || schema.body !== undefined;
        return invalid
          ? { kind: "content-type", method: base.method, url: baseUrl, headers: { "content-type": type }, payload }
          : null;
      }),
  });

  // 4. A body past the server's limit (413).
  arbs.push({
    weight: 1,
    arbitrary: fc.integer({ min: PAST_ANY_LIMIT, max: PAST_ANY_LIMIT + 4096 }).map((size) => ({
      kind: "too-large",
      method: base.method,
      url: baseUrl,
      headers: base.multipart ? base.headers : json,
      payload: base.multipart ? Buffer.alloc(size, 0x61) : `{"x":"${"a".repeat(size)}"}`,
    })),
  });

  // 5. A broken multipart upload: no boundary, another boundary, cut short, no file in it.
  if (base.multipart) {
    const boundary = /boundary=([^;]+)/.exec(base.headers["content-type"] ?? "")?.[1] ?? "";
    const raw = base.raw!;
    arbs.push({
      weight: 4,
      arbitrary: fc
        .oneof(
          fc.constant({ type: "multipart/form-data", payload: raw }),
          fc.constant({ type: "multipart/form-data; boundary=other", payload: raw }),
          // cut before the closing delimiter is whole: a body short of only its final `--\r\n`
          // still carries the whole file, and busboy hands it over (a leniency, not a breakage)
          fc
            .integer({ min: 0, max: raw.length - Buffer.byteLength(`\r\n--${boundary}--\r\n`) })
            .map((n) => ({ type: base.headers["content-type"]!, payload: raw.subarray(0, n) })),
          fc.string().map((text) => ({
            type: `multipart/form-data; boundary=${boundary}`,
            payload: Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${text}\r\n--${boundary}--\r\n`,
            ),
          })),
          fc
            .uint8Array({ maxLength: 2000 })
            .map((bytes) => ({ type: base.headers["content-type"]!, payload: Buffer.from(bytes) })),
        )
        .map(({ type, payload }) => ({
          kind: "multipart",
          method: base.method,
          url: baseUrl,
          headers: { "content-type": type },
          payload,
        })),
    });
  }

  // 6. An invalid id in the path (the body and query being valid).
  if (pattern.includes("/:")) {
    arbs.push({
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.constantFrom(...BAD_IDS).map(encodeURIComponent),
            fc.string().map(encodeURIComponent),
            fc.constantFrom("%00", "%ZZ", "%E2%80%AE", "%F0%9F%98%80", "%ED%A0%80", "..%2F..%2Fusers", "%2e%2e"),
            fc.uuid().map((u) => u.replace(/-/g, "")),
            fc.uuid().map((u) => `${u}0`),
          ),
          fc.nat(),
        )
        .map(([segment, which]) => {
          const parts = pattern.split("/");
          const at = parts.flatMap((p, i) => (p.startsWith(":") ? [i] : []));
          const index = at[which % at.length]!;
          const pathParts = base.path.split("/");
          pathParts[index] = segment;
          const path = pathParts.join("/");
          const params = paramsOf(pattern, path);
          const invalid = params === null || hasUnstorable(params) || refuses(schema.params, params);
          return invalid
            ? {
                kind: "params",
                method: base.method,
                url: path + queryString(base.query),
                headers: baseHeaders,
                payload: basePayload,
              }
            : null;
        }),
    });
  }

  // 7. An invalid query, where the route reads one.
  if (schema.querystring) {
    const keys = Object.keys(
      (z.toJSONSchema(schema.querystring, { io: "input", unrepresentable: "any" }) as JsonSchema).properties ?? {},
    );
    arbs.push({
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...keys),
          fc.oneof(
            fc.string(),
            fc.constantFrom("TRUE", "1", "yes", "", "null", "\u0000", "\ud800"),
            fc.array(fc.constantFrom("true", "false"), { minLength: 2, maxLength: 3 }),
          ),
        )
        .map(([key, value]) => {
          const query = { ...base.query, [key]: value };
          const invalid = hasUnstorable(query) || refuses(schema.querystring, query);
          return invalid
            ? {
                kind: "querystring",
                method: base.method,
                url: base.path + queryString(query),
                headers: baseHeaders,
                payload: basePayload,
              }
            : null;
        }),
    });
  }

  // 8. An invalid Idempotency-Key on a signed-in POST that is otherwise valid (public routes ignore it).
  if (base.method === "POST" && access !== "public") {
    arbs.push({
      weight: 1,
      arbitrary: fc.oneof(fc.constantFrom(...BAD_KEYS), fc.string({ maxLength: 40 })).map((key) =>
        IdempotencyKeySchema.safeParse(key).success
          ? null
          : {
              kind: "idempotency-key",
              method: base.method,
              url: baseUrl,
              headers: { ...baseHeaders, [IDEMPOTENCY_HEADER]: key },
              payload: basePayload,
            },
      ),
    });
  }

  return fc
    .oneof(...arbs)
    .filter((c): c is Case => c !== null)
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
}

/** A case in a line that stays readable (huge strings and bodies cut short). */
function describeCase(c: Case, answer?: { statusCode: number; body: string }): string {
  const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…(${text.length})` : text);
  const payload = c.payload === undefined ? "" : cut(String(c.payload), 300);
  const reply = answer ? ` → ${answer.statusCode} ${cut(answer.body, 300)}` : "";
  return `${c.kind}: ${c.method} ${cut(c.url, 200)} ${JSON.stringify(c.headers)} ${payload}${reply}`;
}

// ---------------------------------------------------------------------------------------------

describe(`fuzzing every write route with invalid requests (${RUNS} per route)`, () => {
  it("covers every write route the app registers", () => {
    const registered = t.app.apiRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => WRITE.test(key))
      .sort();
    expect(WRITE_ROWS.map((r) => r.route).sort()).toEqual(registered);
  });

  const tally: Record<string, Record<string, number>> = {};
  afterAll(() => {
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify(tally, null, 1));
  });

  it.each(WRITE_ROWS.map((row) => [row.route, row] as const))(
    "%s: every invalid request is a 4xx in the standard shape, and nothing changes",
    async (route, row) => {
      const info = routes.get(route);
      if (!info) throw new Error(`${route} is not registered`);
      const send = t.as(ACCOUNT[callerOf(row)]);
      const counts: Record<string, number> = {};
      tally[route] = counts;
      const check = async (c: Case) => {
        const res = await send({ method: c.method as "POST", url: c.url, headers: c.headers, payload: c.payload });
        const what = () => describeCase(c, res);
        if (res.statusCode < 400 || res.statusCode >= 500 || res.statusCode === 401 || res.statusCode === 403)
          throw new Error(`not a 4xx past the permission check: ${what()}`);
        let body: unknown;
        try {
          body = res.json();
        } catch {
          throw new Error(`not JSON: ${what()}`);
        }
        if (!ErrorResponseSchema.safeParse(body).success) throw new Error(`not the error shape: ${what()}`);
        counts[c.kind] = (counts[c.kind] ?? 0) + 1;
      };
      const before = await everyTable(t.db.prisma);

      // Whatever the seed: a JSON body that is not an object is refused by the route's schema (a
      // schema loosened to accept anything would let the oracle skip every body breakage), and so
      // is the valid body with one field the schema does not name (strict schemas: refused, not dropped).
      const base = baseOf(row, callerOf(row));
      const unknownField =
        base.body !== null && typeof base.body === "object" && !Array.isArray(base.body)
          ? [{ ...base.body, colour: "red" }]
          : [];
      if (info.schema.body && base.body !== undefined)
        for (const wrong of [[base.body], JSON.stringify(base.body), 42, null, ...unknownField] as Json[]) {
          expect(refuses(info.schema.body, wrong), `${route} accepts the body ${JSON.stringify(wrong)}`).toBe(true);
          await check({
            kind: "body",
            method: base.method,
            url: base.path + (Object.keys(base.query).length ? `?${new URLSearchParams(base.query)}` : ""),
            headers: { "content-type": "application/json" },
            payload: JSON.stringify(wrong),
          });
        }

      await fc.assert(fc.asyncProperty(caseArb(row, info), check), {
        numRuns: RUNS,
        ...(SEED === undefined ? {} : { seed: SEED }),
        endOnFailure: RUNS > 100,
      });
      expect(await everyTable(t.db.prisma), `${route} changed the database`).toEqual(before);
      // The app runs in this process: a prototype polluted by a request would change every later answer.
      expect(prototypeKeys(), `${route} polluted a prototype`).toEqual(PROTOTYPE_KEYS);
    },
    30_000 + RUNS * 200,
  );
});
