import type { AuditEntityType } from "@resettle/domain";
import { AppError } from "./app-error.js";
import { audit, changedFields, type AuditActor } from "./audit.js";
import type { ServiceContext, Tx } from "./context.js";

type Values = Record<string, unknown>;

/**
 * One editable, versioned kind of record, described once: how to read and present it, which
 * of its values an update may change, and how to write them. `updateVersioned` does the rest.
 */
export type VersionedRecord<Current extends { version: number }, Fields extends Values> = {
  /** The record's name in 404 and 409 messages: "Department". */
  what: string;
  entityType: AuditEntityType;
  /** The record as the API presents it (what a 409 carries and an update answers), or null. */
  find(tx: Tx, id: string): Promise<Current | null>;
  /**
   * The current values of the fields an update may change, in the form `next` gives them
   * (sets of ids sorted with `asSet`, days as YYYY-MM-DD): what "nothing changed" compares.
   * A field left out (a status move's completedById) is written whenever `next` gives it.
   */
  fieldsOf(current: Current): Partial<Fields>;
  /** The table the record lives in (`tx.department`): written `WHERE id AND version`. */
  table(tx: Tx): {
    updateMany(args: { where: { id: string; version: number }; data: never }): PromiseLike<{ count: number }>;
  };
  /** The columns of the changed fields, when they differ from the fields (dates, sets kept in link tables). */
  columns?(changed: Partial<Fields>): Values;
  /** What else the change writes once the row is updated (link tables, sessions); may add to the audit's after. */
  afterWrite?(tx: Tx, change: Change<Current, Fields>): Promise<Values | void>;
  /** The audit action; "update" unless said otherwise (e.g. `status_done`, `deactivate`). */
  action?(changed: Partial<Fields>, current: Current): string;
  /** The audit's before and after; by default the fields of the presented record that differ. */
  auditRecord?(before: Current, after: Current): { before: Values; after: Values };
  /** The project whose history shows the change. */
  projectIdOf?(current: Current): string | null;
};

type Change<Current, Fields> = { id: string; current: Current; changed: Partial<Fields>; actor: AuditActor };

export type VersionedUpdate<Current, Fields> = {
  id: string;
  /** The version the editor saw. */
  version: number;
  /** Who may, checked on the current record before its version: a refusal reveals nothing. */
  authorize?(current: Current): void;
  /**
   * The values the update would write, checked (throws AppError.invalid); `undefined` for
   * fields it leaves alone. Only those that differ from `fieldsOf(current)` are written.
   */
  next(current: Current, tx: Tx): Partial<Fields> | Promise<Partial<Fields>>;
  /** Added to the audit's after (e.g. the note of a status move). */
  remark?: Values;
};

/** The audit action of records that are deactivated rather than deleted: turning `active` says so. */
export const activeAction = (changed: { active?: boolean }) =>
  changed.active === false ? "deactivate" : changed.active === true ? "activate" : "update";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A set of ids in the one order "nothing changed" compares. */
export const asSet = (ids: readonly string[]) => [...ids].sort();

/**
 * Optimistic concurrency, the one way every versioned record is updated. Every editable
 * record carries a version and an update names the version its editor saw; in one
 * transaction this
 * 1. reads the record (404), lets `authorize` refuse (403), compares the version (409 with
 *    the record as it is now);
 * 2. asks `next` for the values to write and keeps those that differ from the current ones:
 *    when none does (a form saved twice), it answers the record as it is and writes nothing
 *    anywhere: no row, no version, no audit;
 * 3. updates `WHERE id AND version` with the version + 1, so that a writer slipping in
 *    between is caught too: the loser gets the same 409 as a stale version, with the record
 *    as the winner left it (a new statement in the transaction sees the winner's commit);
 * 4. writes what else the change needs (`afterWrite`), reads the record back and records
 *    the audit row with what changed.
 * One place for these steps, so that each record says only what is its own.
 */
export function updateVersioned<Current extends { version: number }, Fields extends Values>(
  { db, actor }: Pick<ServiceContext, "db" | "actor">,
  record: VersionedRecord<Current, Fields>,
  update: VersionedUpdate<Current, Fields>,
): Promise<Current> {
  return db.$transaction((tx) => updateIn(tx, actor, record, update));
}

async function updateIn<Current extends { version: number }, Fields extends Values>(
  tx: Tx,
  actor: AuditActor,
  record: VersionedRecord<Current, Fields>,
  update: VersionedUpdate<Current, Fields>,
): Promise<Current> {
  const { id, version } = update;
  const current = await record.find(tx, id);
  if (!current) throw AppError.notFound(record.what);
  update.authorize?.(current);
  if (current.version !== version) throw AppError.staleVersion(record.what, current);

  const proposed = await update.next(current, tx);
  const was = record.fieldsOf(current);
  const changed = Object.fromEntries(
    Object.entries(proposed).filter(([key, value]) => value !== undefined && !same(value, was[key])),
  ) as Partial<Fields>;
  if (Object.keys(changed).length === 0) return current;

  const data = { ...(record.columns ? record.columns(changed) : changed), version: { increment: 1 } };
  const { count } = await record.table(tx).updateMany({ where: { id, version }, data: data as never });
  if (count !== 1) throw AppError.staleVersion(record.what, await record.find(tx, id));
  const added = await record.afterWrite?.(tx, { id, current, changed, actor });

  const updated = (await record.find(tx, id))!;
  const { before, after } = record.auditRecord?.(current, updated) ?? changedFields(current, updated);
  await audit(tx, actor, {
    action: record.action?.(changed, current) ?? "update",
    entityType: record.entityType,
    entityId: id,
    projectId: record.projectIdOf?.(current),
    before,
    after: { ...after, ...update.remark, ...added },
  });
  return updated;
}
