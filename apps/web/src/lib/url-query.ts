import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";

type QuerySchema = z.ZodObject<Record<string, z.ZodType>>;
type Scalar = string | number | boolean | undefined;

/**
 * Reads a list's filters, sort and page from the address with the list's own schema, so a
 * shared link shows the same list. What does not parse (a stale or hand-edited link) is dropped.
 */
function readUrlQuery<S extends QuerySchema>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !invalid.has(key)));
  return schema.safeParse(kept).data ?? schema.parse({});
}

/** The address form of a list query; defaults are left out to keep links short. */
function writeUrlQuery<S extends QuerySchema>(schema: S, query: z.output<S>): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, Scalar>;
  const params = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const value = (query as Record<string, Scalar>)[key];
    if (value !== undefined && value !== "" && value !== defaults[key]) params.set(key, String(value));
  }
  return params;
}

/** A list's state kept in the URL search params rather than in React state. */
export function useUrlQuery<S extends QuerySchema>(schema: S) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readUrlQuery(schema, params), [schema, params]);
  const update = useCallback(
    (patch: Partial<z.output<S>>) => setParams(writeUrlQuery(schema, { ...query, ...patch })),
    [schema, query, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { query, update, reset };
}
