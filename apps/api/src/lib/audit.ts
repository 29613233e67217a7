import type { AuditEntityType } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";

/**
 * Who the audit trail names and under which request: an account, its name. A service's
 * `ctx.actor` is one; sign-in names the account it has just recognised.
 */
export type AuditActor = {
  id: string | null;
  name: string;
  /** The server's id of the request (never the client's). */
  requestId: string | null;
  /** The X-Request-Id the client sent, when it is a short plain token (lib/request-id.ts). */
  clientRequestId?: string | null;
};

export type AuditChange = {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  /** The project the change belongs to, for the project's change history. */
  projectId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

/** JSON-safe copies: dates as ISO strings, no undefined. */
const plain = (value: Record<string, unknown> | null | undefined) =>
  value == null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject);

/**
 * Records one change in the audit trail. Call it inside the transaction that makes the
 * change, so the change and its record commit or fail together. Never pass secrets.
 */
export async function audit(tx: Tx, actor: AuditActor, change: AuditChange): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      requestId: actor.requestId,
      clientRequestId: actor.clientRequestId ?? null,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      projectId: change.projectId ?? (change.entityType === "project" ? change.entityId : null),
      before: plain(change.before),
      after: plain(change.after),
    },
  });
}

/** Only the fields whose values differ, for compact before/after records of an update. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
