import fc from "fast-check";
import type { z } from "zod";

// Invalid JSON for fuzz.test.ts: values that break a field by what its JSON Schema says, and
// breakages of a whole body, generated with fast-check; and the checks that a value is invalid.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

// eslint-disable-next-line no-control-regex -- NUL is what plugins/input-guard.ts refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whether a value holds text plugins/input-guard.ts refuses before validation (NUL, lone surrogates). */
export function hasUnstorable(value: unknown): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(hasUnstorable);
  if (value !== null && typeof value === "object")
    return Object.entries(value).some(([k, v]) => UNSTORABLE.test(k) || hasUnstorable(v));
  return false;
}

/** Whether zod refuses the value; a schema that throws counts as refusing (the app must still answer 4xx, not 500). */
export function refuses(schema: z.ZodType | undefined, value: unknown): boolean {
  if (!schema) return false;
  try {
    return !schema.safeParse(value).success;
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Values that break a field, by what its schema says it is.

const ODD_TEXT = [
  "\u202Eevil\u202C", // right-to-left override
  "a\u200Bb\u200D", // zero-width space and joiner
  "\uFEFF", // byte order mark
  "👩‍👩‍👧‍👦", // an emoji sequence
  "e\u0301", // a combining accent
  "𠮷", // outside the BMP, paired
  "\ud800", // a lone high surrogate
  "x\udfff", // a lone low surrogate
  "x\u0000y", // NUL
  "\u2028\u2029\u0085",
  "Ａｄｍｉｎ", // full-width
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  "../../etc/passwd",
  "%s%n%x",
  "   ",
  "",
];
const BAD_DATES = [
  "2026-02-30",
  "2026-13-01",
  "2025-02-29",
  "2026-00-10",
  "0000-01-01",
  "1899-12-31",
  "1999-12-31",
  "2101-01-01",
  "9999-12-31",
  "+275760-09-13",
  "2026-1-1",
  "2026/11/25",
  "20261125",
  "2026-11-25T10:00:00Z",
  "Invalid Date",
  "NaN",
  "",
];
const BAD_DATETIMES = [
  "2026-11-25T25:00:00Z",
  "2026-11-25 10:00",
  "2026-11-25T10:00:00",
  "2026-02-30T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "2026-11-25",
  "",
];
const WRONG_TYPES: Json[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, "", "x", "1", [], {}, [null], { a: 1 }];
export const BAD_IDS = [
  "0",
  "-1",
  "null",
  "undefined",
  "NaN",
  "abc",
  "00000000-0000-0000-0000-00000000000",
  "00000000-0000-4000-8000-00000000000g",
  "00000000000040008000000000000000",
  "{00000000-0000-4000-8000-000000000000}",
  "00000000-0000-4000-8000-000000000000 ",
  "' OR 1=1 --",
  "..",
  "%",
  "𠮷",
  "\u202E",
  "a".repeat(5000),
];
export const BAD_KEYS = [
  "short",
  "a b c d e f g h i j",
  "ключ-ключ-ключ-ключ",
  "a".repeat(129),
  "../../etc/passwd/xx",
  "键".repeat(20),
];

/** Candidate breakages for one field: generic wrong types, and what its schema's limits and format suggest. */
function badValueFor(schema: JsonSchema): fc.Arbitrary<Json> {
  const options: fc.Arbitrary<Json>[] = [fc.constantFrom(...WRONG_TYPES), fc.jsonValue() as fc.Arbitrary<Json>];
  const variants = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  for (const s of variants) {
    if (s.maxLength !== undefined) {
      const max = s.maxLength;
      options.push(
        fc.integer({ min: max + 1, max: max + 3000 }).map((n) => "字".repeat(n)),
        fc.constant("😀".repeat(Math.floor(max / 2) + 1)),
        fc.constant("a".repeat(Math.max(max * 50, 100_000))),
      );
    }
    if (s.minLength !== undefined && s.minLength > 0) options.push(fc.constantFrom("", " ".repeat(s.minLength)));
    if (s.format === "date") options.push(fc.constantFrom(...BAD_DATES));
    if (s.format === "date-time") options.push(fc.constantFrom(...BAD_DATETIMES));
    if (s.format === "uuid") options.push(fc.constantFrom(...BAD_IDS), fc.string());
    if (s.pattern !== undefined) options.push(fc.string(), fc.constantFrom(...ODD_TEXT));
    if (s.enum !== undefined || s.const !== undefined) {
      const known = (s.enum ?? [s.const]).map(String);
      options.push(
        fc.constantFrom(...known.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}\u200B`])),
        fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty"),
      );
    }
    if (s.type === "integer" || s.type === "number") {
      const edges: number[] = [-1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, -0.5, 0.5];
      if (s.minimum !== undefined) edges.push(s.minimum - 1, s.minimum - 0.5);
      if (s.maximum !== undefined) edges.push(s.maximum + 1);
      options.push(fc.constantFrom(...edges), fc.double({ noNaN: true }), fc.constantFrom("1", "NaN", "Infinity"));
    }
    if (s.type === "boolean") options.push(fc.constantFrom("true", "false", 1, 0, "yes", "on"));
    if (s.type === "array")
      options.push(
        fc.constant(
          Array.from(
            { length: (s.maxItems ?? 200) + 1 },
            (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          ),
        ),
        fc.constantFrom<Json>([[]], [{}], {}, "[]"),
      );
    if (s.type === "object") options.push(fc.constantFrom<Json>([], "{}", [{}]));
  }
  return fc.oneof(...options);
}

/** Every field the schema names, nested objects and the first element of arrays too. */
export function fieldsOf(
  schema: JsonSchema,
  path: (string | number)[] = [],
  out = new Map<string, Field>(),
  depth = 0,
) {
  if (depth > 5) return out;
  for (const s of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      const p = [...path, key];
      if (!out.has(p.join("."))) out.set(p.join("."), { path: p, schema: sub });
      fieldsOf(sub, p, out, depth + 1);
    }
    if (s.items && typeof s.items === "object") {
      const p = [...path, 0];
      if (!out.has(p.join("."))) out.set(p.join("."), { path: p, schema: s.items });
      fieldsOf(s.items, p, out, depth + 1);
    }
  }
  return out;
}
type Field = { path: (string | number)[]; schema: JsonSchema };

/** Every path present in a value (objects' keys, arrays' indexes). */
function pathsIn(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([...path, i]);
      pathsIn(v, [...path, i], out);
    });
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push([...path, k]);
      pathsIn(v, [...path, k], out);
    }
  return out;
}

/** What Fastify's JSON parser refuses (secure-json-parse): an own `__proto__` key, or `constructor.prototype`. */
export function poisoned(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(poisoned);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(
    ([k, v]) =>
      k === "__proto__" ||
      (k === "constructor" && v !== null && typeof v === "object" && Object.hasOwn(v, "prototype")) ||
      poisoned(v),
  );
}

export const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Sets (or, with `undefined`, deletes) the value at a path, making the containers on the way. */
function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value;
  const top: Json = root !== null && typeof root === "object" ? root : {};
  // Own properties only, defined rather than assigned: a key such as `__proto__` or `constructor`
  // must become a field of the body, never a walk into (and a change of) a shared prototype.
  const put = (node: object, key: string | number, v: Json) => {
    try {
      Object.defineProperty(node, key, { value: v, enumerable: true, writable: true, configurable: true });
    } catch {
      // a key an array cannot take as a field (`length`): this breakage changes nothing
    }
  };
  let node: object = top;
  for (const [i, key] of path.slice(0, -1).entries()) {
    let next = Object.hasOwn(node, key) ? (node as Record<string | number, Json>)[key] : undefined;
    if (next === null || next === undefined || typeof next !== "object") {
      next = typeof path[i + 1] === "number" ? [] : {};
      put(node, key, next);
    }
    node = next;
  }
  const last = path[path.length - 1]!;
  // A value is put as a copy: generated values may be shared (constantFrom's), and a later
  // breakage of the same body writes into what it put.
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === "number") {
      if (last >= node.length) return top;
      // by hand: splice would look up `constructor`, which a breakage may have made a field
      for (let j = last; j < node.length - 1; j++) node[j] = node[j + 1]!;
      node.length = Math.max(0, node.length - 1);
    } else if (Object.hasOwn(node, last)) delete (node as Record<string | number, Json>)[last];
  } else put(node, last, value !== null && typeof value === "object" ? clone(value) : value);
  return top;
}

// Placeholders replaced after JSON.stringify: an own `__proto__` key cannot be built as a JS object.
const PROTO_MARK = "\u0001proto\u0001";
export const PROTO_RAW = [
  '{"__proto__":{"isAdmin":true,"role":"admin"}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"__proto__":null}',
  '{"a":{"__proto__":{"polluted":1}}}',
];

type Mutation = (body: Json) => Json;

/** One breakage of a JSON body: a field's type or value, a field removed or added, the root replaced. */
export function mutationArb(fields: Field[], base: Json): fc.Arbitrary<Mutation> {
  const present = pathsIn(base);
  const all = [...fields.map((f) => f.path), ...present];
  const schemaOf = (path: (string | number)[]) =>
    fields.find((f) => f.path.join(".") === path.join("."))?.schema ?? ({} as JsonSchema);
  const options: fc.Arbitrary<Mutation>[] = [];
  if (all.length > 0) {
    const field = fc.constantFrom(...all);
    options.push(
      // wrong type or value, by the field's schema
      field.chain((path) =>
        badValueFor(schemaOf(path)).map(
          (v): Mutation =>
            (b) =>
              setAt(b, path, v),
        ),
      ),
      // odd text in the field
      fc.tuple(field, fc.constantFrom(...ODD_TEXT)).map(
        ([path, v]): Mutation =>
          (b) =>
            setAt(b, path, v),
      ),
      // `__proto__`/`constructor` as a field's value
      field.map(
        (path): Mutation =>
          (b) =>
            setAt(b, path, PROTO_MARK),
      ),
    );
  }
  if (present.length > 0)
    // a field missing (a required one makes it invalid; the oracle decides)
    options.push(
      fc.constantFrom(...present).map(
        (path): Mutation =>
          (b) =>
            setAt(b, path, undefined),
      ),
    );
  options.push(
    // an unknown field, at the root or beside a known one
    fc
      .tuple(
        fc.constantFrom<(string | number)[]>([], ...present.slice(0, 20).map((p) => p.slice(0, -1))),
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 30 }),
          fc.constantFrom("constructor", "prototype", "toString", "id", "createdAt", "isAdmin", "role", "version"),
        ),
        fc.jsonValue() as fc.Arbitrary<Json>,
      )
      .map(
        ([parent, key, v]): Mutation =>
          (b) =>
            setAt(b, [...parent, key], v),
      ),
    // the root replaced: an array (of the body, or empty), a string, a number, null
    fc.constantFrom<Mutation>(
      (b) => [b],
      () => [],
      () => "body",
      () => 42,
      () => null,
      () => true,
      () => ({}),
    ),
  );
  return fc.oneof(...options);
}

/** The JSON text of a body with its placeholders filled: own `__proto__` and `constructor.prototype` keys. */
export function serialize(body: Json, proto: string): string {
  return JSON.stringify(body).replaceAll(JSON.stringify(PROTO_MARK), proto);
}
