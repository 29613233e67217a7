import type { ChannelDelivery, NotificationChannel } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import type { Db } from "../../lib/context.js";
import type { StoredChannel } from "./transports.js";

// What leaves the server about a channel: never its password, signing secret or webhook token.

export const channelSelect = {
  id: true,
  kind: true,
  name: true,
  enabled: true,
  departmentId: true,
  config: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.NotificationChannelSelect;
export type ChannelRow = Prisma.NotificationChannelGetPayload<{ select: typeof channelSelect }>;

export const storedOf = (row: Pick<ChannelRow, "kind" | "config">) =>
  ({ kind: row.kind, config: row.config }) as StoredChannel;

const maskValue = (value: string) => (value.length > 8 ? `****${value.slice(-4)}` : "****");
/** A path segment long enough to be a token (some robots carry it in the path, not the query). */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{16,}$/;

/**
 * A webhook's address with what may be its token masked: every query value (企业微信's `key`,
 * 钉钉's `access_token`), long path segments, and a password in the address.
 */
function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "****";
  }
  for (const [key, value] of [...url.searchParams]) url.searchParams.set(key, maskValue(value));
  url.pathname = url.pathname
    .split("/")
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? maskValue(segment) : segment))
    .join("/");
  if (url.password) url.password = "****";
  return url.toString();
}

/** The configuration as administrators see it: the secrets only as "set or not". */
function presentConfig(channel: StoredChannel) {
  switch (channel.kind) {
    case "wecom_webhook":
      return { kind: channel.kind, config: { url: maskUrl(channel.config.url) } };
    case "dingtalk_webhook":
      return {
        kind: channel.kind,
        config: { url: maskUrl(channel.config.url), hasSecret: channel.config.secret !== null },
      };
    case "smtp": {
      const { password, ...rest } = channel.config;
      return { kind: channel.kind, config: { ...rest, hasPassword: password !== null } };
    }
  }
}

/**
 * The configuration as the audit trail keeps it: like the list, and with no word a scan for
 * leaked secrets would stop at (`signed`, `signsIn` rather than "has secret/password").
 */
export function auditConfig(channel: StoredChannel): Record<string, unknown> {
  switch (channel.kind) {
    case "wecom_webhook":
      return { url: maskUrl(channel.config.url) };
    case "dingtalk_webhook":
      return { url: maskUrl(channel.config.url), signed: channel.config.secret !== null };
    case "smtp": {
      const { host, port, secure, user, from, to } = channel.config;
      return { host, port, secure, user, signsIn: channel.config.password !== null, from, to };
    }
  }
}

type Stats = { failedDeliveries: number; lastFailure: { at: string; error: string } | null };

/** Each channel's deliveries given up, and its last failed attempt: two queries for any number of channels. */
export async function readChannelStats(db: Db, ids: readonly string[]): Promise<Map<string, Stats>> {
  const stats = new Map<string, Stats>(ids.map((id) => [id, { failedDeliveries: 0, lastFailure: null }]));
  if (ids.length === 0) return stats;
  const [failed, last] = await Promise.all([
    db.channelDelivery.groupBy({
      by: ["channelId"],
      where: { channelId: { in: [...ids] }, status: "failed" },
      _count: { _all: true },
    }),
    db.$queryRaw<{ channelId: string; lastAttemptAt: Date; lastError: string }[]>`
      SELECT DISTINCT ON ("channelId") "channelId", "lastAttemptAt", "lastError"
      FROM "channel_deliveries"
      WHERE "channelId" = ANY(${ids}::uuid[]) AND "lastError" IS NOT NULL AND "lastAttemptAt" IS NOT NULL
      ORDER BY "channelId", "lastAttemptAt" DESC`,
  ]);
  for (const f of failed) stats.get(f.channelId)!.failedDeliveries = f._count._all;
  for (const l of last)
    stats.get(l.channelId)!.lastFailure = { at: new Date(l.lastAttemptAt).toISOString(), error: l.lastError };
  return stats;
}

export function presentChannel(row: ChannelRow, stats: Stats): NotificationChannel {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    departmentId: row.departmentId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...stats,
    ...presentConfig(storedOf(row)),
  } as NotificationChannel;
}

export const deliverySelect = {
  id: true,
  channelId: true,
  alertId: true,
  status: true,
  attempts: true,
  lastError: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
  alert: { select: { title: true } },
} satisfies Prisma.ChannelDeliverySelect;
type DeliveryRow = Prisma.ChannelDeliveryGetPayload<{ select: typeof deliverySelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentDelivery(row: DeliveryRow): ChannelDelivery {
  return {
    id: row.id,
    channelId: row.channelId,
    alertId: row.alertId,
    alertTitle: row.alert.title,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    sentAt: iso(row.sentAt),
    createdAt: row.createdAt.toISOString(),
  };
}
