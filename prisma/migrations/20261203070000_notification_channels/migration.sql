-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('wecom_webhook', 'dingtalk_webhook', 'smtp');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "notification_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ChannelKind" NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "departmentId" UUID,
    "config" JSONB NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channelId" UUID NOT NULL,
    "alertId" UUID NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_channels_departmentId_idx" ON "notification_channels"("departmentId");

-- CreateIndex
CREATE INDEX "channel_deliveries_status_nextAttemptAt_idx" ON "channel_deliveries"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "channel_deliveries_channelId_createdAt_idx" ON "channel_deliveries"("channelId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "channel_deliveries_channelId_alertId_key" ON "channel_deliveries"("channelId", "alertId");

-- AddForeignKey
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What Prisma cannot say: a channel's settings are an object; a delivery counts its failures from
-- 0, keeps at most the first 1000 characters of its last error (a log line, cut by the dispatcher),
-- and is sent exactly when it has the time it was sent.
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_config_object" CHECK (jsonb_typeof("config") = 'object');
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_attempts_nonnegative" CHECK ("attempts" >= 0);
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_last_error_bounded" CHECK (char_length("lastError") <= 1000);
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_sent_when_sent" CHECK (("status" = 'sent') = ("sentAt" IS NOT NULL));
