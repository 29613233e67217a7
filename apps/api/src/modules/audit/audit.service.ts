import type { AuditEvent, AuditQuery } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { chinaDayEnd, chinaDayStart } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { labelAuditEntities } from "./audit-labels.js";

export async function listAuditEvents({ db }: ServiceContext, query: AuditQuery) {
  const where: Prisma.AuditEventWhereInput = {
    entityType: query.entityType,
    entityId: query.entityId,
    projectId: query.projectId,
    actorId: query.actorId,
    action: query.action,
    at: {
      ...(query.from ? { gte: chinaDayStart(query.from) } : {}),
      ...(query.to ? { lt: chinaDayEnd(query.to) } : {}),
    },
  };
  const page = db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
  });
  const filtered = [
    query.entityType,
    query.entityId,
    query.projectId,
    query.actorId,
    query.action,
    query.from,
    query.to,
  ];
  // The whole trail's total is kept beside it (audit_event_counts): counting a province's
  // million rows for every page took a tenth of a second (docs/performance.md).
  // Side by side, not in one transaction: under READ COMMITTED each statement reads its own
  // snapshot anyway, and BEGIN and COMMIT were two more round trips.
  const [rows, total] = filtered.every((f) => f === undefined)
    ? await Promise.all([page, db.auditEventCount.aggregate({ _sum: { n: true } })]).then(
        ([r, sum]) => [r, Number(sum._sum.n ?? 0)] as const,
      )
    : await Promise.all([page, db.auditEvent.count({ where })]);
  const labels = await labelAuditEntities(db, rows);
  const items = rows.map((e, i): AuditEvent => ({
    id: e.id.toString(),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType as AuditEvent["entityType"],
    entityId: e.entityId,
    entityLabel: labels[i] ?? null,
    before: (e.before as AuditEvent["before"]) ?? null,
    after: (e.after as AuditEvent["after"]) ?? null,
    requestId: e.requestId,
    clientRequestId: e.clientRequestId,
    projectId: e.projectId,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Everyone who has changed something, for the actor filter. */
export async function listAuditActors({ db }: ServiceContext) {
  const users = await db.user.findMany({
    where: { auditEvents: { some: {} } },
    select: { id: true, displayName: true, username: true },
    orderBy: { username: "asc" },
  });
  return users.map((u) => ({ id: u.id, name: `${u.displayName} (${u.username})` }));
}
