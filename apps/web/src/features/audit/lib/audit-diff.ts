/** How a field differs between the record before and after an audited change. */
type DiffKind = "changed" | "added" | "removed" | "unchanged";

export type DiffRow = { field: string; kind: DiffKind; before: unknown; after: unknown };

type Snapshot = Record<string, unknown> | null | undefined;

/** JSON with object keys sorted, so that {a,b} and {b,a} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * One row per field of an audit event's before/after records: changed fields first, then
 * added and removed ones, unchanged fields last. A creation (no before) lists every field as
 * added, a deletion (no after) as removed. Fields keep the order the records give them.
 */
export function diffAuditRecords(before: Snapshot, after: Snapshot): DiffRow[] {
  const old = before ?? {};
  const now = after ?? {};
  const fields = [...new Set([...Object.keys(now), ...Object.keys(old)])];
  const rows = fields.map((field): DiffRow => {
    const had = Object.hasOwn(old, field);
    const has = Object.hasOwn(now, field);
    const kind: DiffKind = !had
      ? "added"
      : !has
        ? "removed"
        : sameValue(old[field], now[field])
          ? "unchanged"
          : "changed";
    return { field, kind, before: old[field], after: now[field] };
  });
  const rank: Record<DiffKind, number> = { changed: 0, added: 1, removed: 1, unchanged: 2 };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank[a.row.kind] - rank[b.row.kind] || a.index - b.index)
    .map(({ row }) => row);
}
