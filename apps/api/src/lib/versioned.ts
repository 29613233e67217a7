import { AppError } from "./app-error.js";

/**
 * Optimistic concurrency: every editable record carries a version; an update names the
 * version its editor saw. A stale version answers 409 with the record as it is now.
 * Call inside the transaction, then update with `where: { id, version }` and pass the
 * count to `expectUpdated`: a concurrent writer that slipped in between is caught too.
 */
export function assertVersion<T extends { version: number }>(
  current: T | null,
  expected: number,
  what: string,
  present: (row: T) => unknown,
): T {
  if (!current) throw AppError.notFound(what);
  if (current.version !== expected) throw AppError.staleVersion(what, present(current));
  return current;
}

export function expectUpdated(result: { count: number }, what: string) {
  if (result.count !== 1) throw new AppError("CONFLICT", `${what} was changed by someone else meanwhile`);
}

/**
 * Like `expectUpdated`, but a writer that lost a race to a concurrent one gets the same
 * 409 as a stale version would: with the record as the winner left it (read after the
 * winner committed, which a new statement in the transaction sees).
 */
export async function expectUpdatedOrStale(
  result: { count: number },
  what: string,
  reload: () => Promise<unknown>,
): Promise<void> {
  if (result.count !== 1) throw AppError.staleVersion(what, await reload());
}
