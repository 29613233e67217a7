/** One page of a list already read and ordered in full (lists sorted by a computed figure). */
export function pageOfRows<T>(rows: readonly T[], { page, pageSize }: { page: number; pageSize: number }) {
  const start = (page - 1) * pageSize;
  return { items: rows.slice(start, start + pageSize), total: rows.length, page, pageSize };
}
