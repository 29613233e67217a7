import { DELIVERY_ERROR_MAX, retryDelayMinutes } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import type { Clock } from "../../lib/clock.js";
import type { Db } from "../../lib/context.js";
import type { ChannelMessage, StoredChannel, Transports } from "./transports.js";

// 推送: each alert raised is queued once per enabled channel that wants it (at the end of the
// alert run's transaction), and the dispatcher works the queue: any number of API processes may run it at
// once, each taking only rows no other holds.

const MINUTE_MS = 60_000;
/**
 * A claimed delivery is not due again for this long: should the process die while sending, the
 * delivery is tried again after it (and may then arrive twice: a robot's message, not a payment).
 */
const CLAIM_MINUTES = 10;
/** Deliveries claimed at a time, and sent at once. */
const BATCH = 20;
const PARALLEL = 4;

/** The heading every message carries (a 钉钉 robot with 自定义关键词 security can use 预警 as its keyword). */
const ALERT_MESSAGE_TITLE = "回迁督办预警";

/**
 * Queues, for every enabled channel, the alerts raised since it started taking them (`since`) that
 * its department filter lets through (none: every alert) and that it has not had yet, due now.
 * Called at the end of the alert run's transaction, so the alerts of the run and their deliveries
 * commit together; it also catches alerts raised elsewhere since (a 督办单's escalation). An alert
 * reaches a channel once (unique channel and alert).
 */
export async function enqueueDeliveries(db: Db, clock: Clock): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "channel_deliveries" ("channelId", "alertId", "nextAttemptAt")
    SELECT c."id", a."id", ${clock.now()}::timestamptz
    FROM "notification_channels" c
    JOIN "alerts" a ON a."raisedAt" >= c."since"
      AND (c."departmentId" IS NULL OR a."departmentId" = c."departmentId")
    WHERE c."enabled"
      AND NOT EXISTS (SELECT 1 FROM "channel_deliveries" d WHERE d."channelId" = c."id" AND d."alertId" = a."id")
    ON CONFLICT ("channelId", "alertId") DO NOTHING`;
}

type Claimed = {
  id: string;
  attempts: number;
  kind: StoredChannel["kind"];
  config: StoredChannel["config"];
  title: string;
  link: string;
};

/**
 * Takes up to BATCH due deliveries of enabled channels and marks them not due for CLAIM_MINUTES,
 * in one statement. `FOR UPDATE SKIP LOCKED`: a second process claiming at the same moment
 * passes over the rows this one holds instead of waiting for them (and so never takes them).
 */
function claimDue(db: PrismaClient, now: Date): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d."id" FROM "channel_deliveries" d
      JOIN "notification_channels" c ON c."id" = d."channelId" AND c."enabled"
      WHERE d."status" = 'pending' AND d."nextAttemptAt" <= ${now}::timestamptz
      ORDER BY d."nextAttemptAt", d."id"
      LIMIT ${BATCH}::int
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "channel_deliveries" d
    SET "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_MINUTES * MINUTE_MS)}::timestamptz
    FROM due, "notification_channels" c, "alerts" a
    WHERE d."id" = due."id" AND c."id" = d."channelId" AND a."id" = d."alertId"
    RETURNING d."id", d."attempts", c."kind"::text AS "kind", c."config", a."title", a."link"`;
}

/** The alert as a message: its words, and its link made absolute when the server knows its address. */
function messageOf(claimed: Pick<Claimed, "title" | "link">, publicUrl: string | null): ChannelMessage {
  return {
    title: ALERT_MESSAGE_TITLE,
    text: claimed.title,
    link: publicUrl ? new URL(claimed.link, publicUrl).toString() : claimed.link,
  };
}

/** An error as the delivery log keeps it: its message's first DELIVERY_ERROR_MAX characters. */
export const errorLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, DELIVERY_ERROR_MAX) || "unknown error";

async function attempt(db: PrismaClient, clock: Clock, transports: Transports, claimed: Claimed) {
  try {
    await transports
      .open({ kind: claimed.kind, config: claimed.config } as StoredChannel)
      .send(messageOf(claimed, transports.publicUrl));
  } catch (error) {
    const now = clock.now();
    const attempts = claimed.attempts + 1;
    const delay = retryDelayMinutes(attempts);
    await db.channelDelivery.updateMany({
      where: { id: claimed.id, status: "pending" },
      data: {
        attempts,
        lastError: errorLine(error),
        lastAttemptAt: now,
        ...(delay === null
          ? { status: "failed", nextAttemptAt: now }
          : { nextAttemptAt: new Date(now.getTime() + delay * MINUTE_MS) }),
      },
    });
    return delay === null ? "failed" : "retrying";
  }
  const now = clock.now();
  await db.channelDelivery.updateMany({
    where: { id: claimed.id, status: "pending" },
    data: { status: "sent", sentAt: now, lastAttemptAt: now },
  });
  return "sent";
}

export type DispatchResult = { sent: number; retrying: number; failed: number };

/**
 * Sends what is due: claims a batch, sends it (a few at a time), records each outcome — sent;
 * or failed once more, tried again after 1, 2, 4, 8, 16 minutes, given up (failed) after the
 * sixth attempt — and goes on while batches come full. Safe in several processes at once.
 */
export async function deliverPending(db: PrismaClient, clock: Clock, transports: Transports): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await claimDue(db, clock.now());
    for (let i = 0; i < batch.length; i += PARALLEL) {
      const outcomes = await Promise.all(
        batch.slice(i, i + PARALLEL).map((claimed) => attempt(db, clock, transports, claimed)),
      );
      for (const outcome of outcomes) result[outcome] += 1;
    }
    if (batch.length < BATCH) return result;
  }
}
