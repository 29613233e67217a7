import type {
  ChannelCreate,
  ChannelDelivery,
  ChannelDeliveryQuery,
  ChannelTestResult,
  ChannelUpdate,
  NotificationChannel,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import {
  auditConfig,
  channelSelect,
  deliverySelect,
  presentChannel,
  presentDelivery,
  readChannelStats,
  storedOf,
  type ChannelRow,
} from "./channel-present.js";
import { errorLine } from "./dispatcher.js";
import type { StoredChannel, Transports } from "./transports.js";

// 推送渠道 (the office's): configured, enabled and disabled under a version, tried by hand; their
// delivery log, and a delivery given up put back in the queue. Secrets never leave the server
// nor enter the audit trail.

async function readChannel(db: Tx | ServiceContext["db"], id: string) {
  return db.notificationChannel.findUnique({ where: { id }, select: channelSelect });
}

async function present(db: Tx | ServiceContext["db"], row: ChannelRow) {
  return presentChannel(row, (await readChannelStats(db, [row.id])).get(row.id)!);
}

export async function listChannels({ db }: ServiceContext): Promise<NotificationChannel[]> {
  const rows = await db.notificationChannel.findMany({
    select: channelSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const stats = await readChannelStats(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentChannel(row, stats.get(row.id)!));
}

async function checkDepartment(tx: Tx, departmentId: string | null | undefined) {
  if (departmentId && !(await tx.department.findUnique({ where: { id: departmentId }, select: { id: true } })))
    throw AppError.invalid("body.departmentId", "unknown_reference", "No such department");
}

/** What the audit trail keeps of a channel: its settings, the secrets only as set or not. */
const auditRecordOf = (row: Pick<ChannelRow, "kind" | "name" | "enabled" | "departmentId" | "config">) => ({
  kind: row.kind,
  name: row.name,
  enabled: row.enabled,
  departmentId: row.departmentId,
  ...auditConfig(storedOf(row)),
});

export async function createChannel(ctx: ServiceContext, input: ChannelCreate): Promise<NotificationChannel> {
  return ctx.db.$transaction(async (tx) => {
    await checkDepartment(tx, input.departmentId);
    const row = await tx.notificationChannel.create({
      data: {
        kind: input.kind,
        name: input.name,
        enabled: input.enabled,
        departmentId: input.departmentId,
        config: input.config as Prisma.InputJsonObject,
      },
      select: channelSelect,
    });
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "notification_channel",
      entityId: row.id,
      after: auditRecordOf(row),
    });
    return present(tx, row);
  });
}

type ChannelFields = {
  name: string;
  enabled: boolean;
  departmentId: string | null;
  config: StoredChannel["config"];
};

/** The secrets an update replaced, by name: the audit says that they changed, never what to. */
function replacedSecrets(before: StoredChannel["config"], after: StoredChannel["config"]): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [
    ...("url" in a && a.url !== b.url ? ["url"] : []),
    ...("secret" in a && a.secret !== b.secret ? ["signing key"] : []),
    ...("password" in a && a.password !== b.password ? ["credential"] : []),
  ];
}

/**
 * A channel as `updateVersioned` sees it. The presented record (what a 409 carries) has no
 * secrets, so the stored row read with it is kept beside it, by id and version, for the
 * comparison of configurations and for the audit row.
 */
function channelRecord(): VersionedRecord<NotificationChannel, ChannelFields> {
  const rows = new Map<string, ChannelRow>();
  const rowOf = (c: NotificationChannel) => rows.get(`${c.id}@${c.version}`)!;
  return {
    what: "Notification channel",
    entityType: "notification_channel",
    find: async (tx, id) => {
      const row = await readChannel(tx, id);
      if (!row) return null;
      rows.set(`${row.id}@${row.version}`, row);
      return present(tx, row);
    },
    fieldsOf: (current) => {
      const row = rowOf(current);
      return { name: row.name, enabled: row.enabled, departmentId: row.departmentId, config: storedOf(row).config };
    },
    table: (tx) => tx.notificationChannel,
    columns: (changed) => ({
      ...changed,
      ...(changed.config ? { config: changed.config as Prisma.InputJsonObject } : {}),
    }),
    afterWrite: async (tx, { id, changed }) => {
      // Enabled again, or for another department: it takes the alerts raised from now on, not a
      // backlog (the database's time, as the alerts' raisedAt).
      if (changed.enabled === true || changed.departmentId !== undefined)
        await tx.$executeRaw`UPDATE "notification_channels" SET "since" = now() WHERE "id" = ${id}::uuid`;
    },
    action: (changed) =>
      Object.keys(changed).length === 1 && changed.enabled !== undefined
        ? changed.enabled
          ? "enable"
          : "disable"
        : "update",
    auditRecord: (before, after) => {
      const [b, a] = [rowOf(before), rowOf(after)];
      const { before: was, after: is } = changedFields(auditRecordOf(b), auditRecordOf(a));
      const replaced = replacedSecrets(storedOf(b).config, storedOf(a).config);
      return { before: was, after: replaced.length ? { ...is, replaced } : is };
    },
  };
}

/**
 * Changes a channel under the version its editor saw. The address, secret and password keep
 * what is stored unless given; `null` removes a secret or password. The kind never changes.
 */
export function updateChannel(
  ctx: ServiceContext,
  { id, changes: { version, kind, config, ...fields } }: { id: string; changes: ChannelUpdate },
): Promise<NotificationChannel> {
  const record = channelRecord();
  return updateVersioned(ctx, record, {
    id,
    version,
    next: async (current, tx) => {
      if (kind !== current.kind)
        throw AppError.invalid("body.kind", "invalid_value", `This channel is ${current.kind}: its kind cannot change`);
      await checkDepartment(tx, fields.departmentId);
      const stored = record.fieldsOf(current).config!;
      return { ...fields, ...(config ? { config: { ...stored, ...config } as StoredChannel["config"] } : {}) };
    },
  });
}

/** The message a test sends: the channel's name, so that whoever receives it knows which one works. */
const testMessage = (name: string) => ({
  title: "回迁督办平台测试消息",
  text: `这是一条测试消息：推送渠道「${name}」配置正确。`,
  link: null,
});

/** 发送测试: sends a test message now (enabled or not) and says whether it went, or why not. Writes nothing. */
export async function testChannel(
  { db }: ServiceContext,
  { id, transports }: { id: string; transports: Transports },
): Promise<ChannelTestResult> {
  const row = await readChannel(db, id);
  if (!row) throw AppError.notFound("Notification channel");
  try {
    await transports.open(storedOf(row)).send(testMessage(row.name));
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: errorLine(error) };
  }
}

/** A channel's delivery log, newest first; by status. */
export async function listDeliveries(
  { db }: ServiceContext,
  { channelId, query }: { channelId: string; query: ChannelDeliveryQuery },
) {
  if (!(await db.notificationChannel.findUnique({ where: { id: channelId }, select: { id: true } })))
    throw AppError.notFound("Notification channel");
  const where = { channelId, ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    db.channelDelivery.findMany({
      where,
      select: deliverySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.channelDelivery.count({ where }),
  ]);
  return { items: rows.map(presentDelivery), total, page: query.page, pageSize: query.pageSize };
}

/**
 * 重试: a delivery given up goes back to the queue, due now, with a whole new round of attempts.
 * Only a failed one (409 with the delivery as it is otherwise: a second click finds it pending).
 */
export async function retryDelivery({ db, actor, clock }: ServiceContext, id: string): Promise<ChannelDelivery> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.channelDelivery.updateMany({
      where: { id, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: clock.now() },
    });
    const row = await tx.channelDelivery.findUnique({ where: { id }, select: deliverySelect });
    if (!row) throw AppError.notFound("Delivery");
    const delivery = presentDelivery(row);
    if (count === 0) throw new AppError("CONFLICT", "Only a failed delivery is retried", undefined, delivery);
    await audit(tx, actor, {
      action: "retry_delivery",
      entityType: "notification_channel",
      entityId: row.channelId,
      after: { deliveryId: row.id, alert: row.alert.title },
    });
    return delivery;
  });
}
