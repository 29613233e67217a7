import { ProjectListQuerySchema, type ProjectListQuery } from "@resettle/domain";

const KEYS = [
  "q",
  "health",
  "districtId",
  "status",
  "problemCategory",
  "responsibleDepartmentId",
  "sort",
  "order",
  "page",
  "pageSize",
] as const satisfies readonly (keyof ProjectListQuery)[];

export const DEFAULT_LIST_QUERY: ProjectListQuery = ProjectListQuerySchema.parse({});

/** Reads the list's filters, sort and page from the address, so a shared link shows the same list. */
export function readListQuery(params: URLSearchParams): ProjectListQuery {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = ProjectListQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A stale or hand-edited link: drop what does not parse and keep the rest.
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !invalid.has(key)));
  return ProjectListQuerySchema.safeParse(kept).data ?? DEFAULT_LIST_QUERY;
}

/** The address form of a list query; defaults are left out to keep links short. */
export function writeListQuery(query: ProjectListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = query[key];
    if (value !== undefined && value !== DEFAULT_LIST_QUERY[key]) params.set(key, String(value));
  }
  return params;
}
