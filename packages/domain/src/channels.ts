import { z } from "zod";
import { IdSchema, IsoDateTimeSchema } from "./common.js";
import { refusal } from "./errors.js";
import { PageQuerySchema } from "./pagination.js";
import { TEXT_MAX } from "./text-limits.js";

/**
 * 推送渠道: where alerts go besides the notification centre (which always gets them). A group
 * robot of 企业微信 (WeCom) or 钉钉 (DingTalk), called by its webhook address, or e-mail over SMTP.
 */
export const ChannelKindSchema = z.enum(["wecom_webhook", "dingtalk_webhook", "smtp"]);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** 待发送 / 已发送 / 发送失败 (given up after DELIVERY_MAX_ATTEMPTS; an administrator may retry it). */
export const DeliveryStatusSchema = z.enum(["pending", "sent", "failed"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** Attempts before a delivery is given up (status failed). */
export const DELIVERY_MAX_ATTEMPTS = 6;
/** The most characters of an attempt's error kept with the delivery: a log line, the rest is in the server's log. */
export const DELIVERY_ERROR_MAX = 1000;
/** Addresses one e-mail channel sends to. */
export const CHANNEL_RECIPIENTS_MAX = 20;

/**
 * Minutes to wait after the `attempts`-th failed attempt: 1, 2, 4, 8, 16; null once
 * DELIVERY_MAX_ATTEMPTS have failed (the delivery is given up).
 */
export function retryDelayMinutes(attempts: number): number | null {
  if (attempts >= DELIVERY_MAX_ATTEMPTS) return null;
  return 2 ** Math.max(0, attempts - 1);
}

/** A webhook's address: http or https only (a robot on the intranet may have no TLS). */
export const WebhookUrlSchema = z.url({ protocol: /^https?$/ }).max(TEXT_MAX.url);
/** DingTalk's 加签 secret (SEC…): the robot refuses unsigned calls when it has one. */
const SigningSecretSchema = z.string().min(1).max(TEXT_MAX.secret);
export const EmailAddressSchema = z.email().max(TEXT_MAX.email);
const RecipientsSchema = z
  .array(EmailAddressSchema)
  .min(1)
  .max(CHANNEL_RECIPIENTS_MAX)
  .refine(
    (to) => new Set(to.map((a) => a.toLowerCase())).size === to.length,
    refusal("duplicate", "each address once"),
  );

/** An SMTP server's name or IPv4 address. */
export const MailHostSchema = z.hostname().max(TEXT_MAX.host);

const smtpFields = {
  host: MailHostSchema,
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean(),
  /** null: the relay accepts mail without signing in (common on an intranet). */
  user: z.string().trim().min(1).max(TEXT_MAX.email).nullable(),
  password: z.string().min(1).max(TEXT_MAX.secret).nullable(),
  from: EmailAddressSchema,
  to: RecipientsSchema,
};

const channelFields = {
  name: z.string().trim().min(1).max(TEXT_MAX.longName),
  enabled: z.boolean(),
  /** Only the alerts of this department; null: every alert. */
  departmentId: IdSchema.nullable(),
};

/** `POST /api/notification-channels`: the kind decides the configuration's shape. */
export const ChannelCreateSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("wecom_webhook"),
    ...channelFields,
    config: z.strictObject({ url: WebhookUrlSchema }),
  }),
  z.strictObject({
    kind: z.literal("dingtalk_webhook"),
    ...channelFields,
    config: z.strictObject({ url: WebhookUrlSchema, secret: SigningSecretSchema.nullable().default(null) }),
  }),
  z.strictObject({
    kind: z.literal("smtp"),
    ...channelFields,
    config: z.strictObject({
      ...smtpFields,
      user: smtpFields.user.default(null),
      password: smtpFields.password.default(null),
    }),
  }),
]);
export type ChannelCreate = z.infer<typeof ChannelCreateSchema>;

/**
 * `PATCH /api/notification-channels/:id`: the kind says which configuration is meant (it never
 * changes); every field may be left out, and so may the address, the secret and the password —
 * left out, they keep what is stored (the list never shows them); `null` removes a secret or a
 * password.
 */
const updateFields = { ...z.object(channelFields).partial().shape, version: z.number().int().min(1) };
export const ChannelUpdateSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("wecom_webhook"),
    ...updateFields,
    config: z.strictObject({ url: WebhookUrlSchema }).partial().optional(),
  }),
  z.strictObject({
    kind: z.literal("dingtalk_webhook"),
    ...updateFields,
    config: z.strictObject({ url: WebhookUrlSchema, secret: SigningSecretSchema.nullable() }).partial().optional(),
  }),
  z.strictObject({ kind: z.literal("smtp"), ...updateFields, config: z.strictObject(smtpFields).partial().optional() }),
]);
export type ChannelUpdate = z.infer<typeof ChannelUpdateSchema>;

/** The last failed attempt of any of the channel's deliveries. */
const LastFailureSchema = z.object({ at: IsoDateTimeSchema, error: z.string() });

const channelView = {
  id: IdSchema,
  name: z.string(),
  enabled: z.boolean(),
  departmentId: IdSchema.nullable(),
  version: z.number().int().min(1),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  /** Deliveries given up (status failed), waiting for an administrator's retry. */
  failedDeliveries: z.number().int().nonnegative(),
  lastFailure: LastFailureSchema.nullable(),
};
/** A webhook's address with its token (access_token, key …) masked: `…?key=****a1b2`. */
const MaskedUrlSchema = z.string();

/** A channel as administrators see it: never its password, secret or full webhook address. */
export const NotificationChannelSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("wecom_webhook"), ...channelView, config: z.object({ url: MaskedUrlSchema }) }),
  z.object({
    kind: z.literal("dingtalk_webhook"),
    ...channelView,
    config: z.object({ url: MaskedUrlSchema, hasSecret: z.boolean() }),
  }),
  z.object({
    kind: z.literal("smtp"),
    ...channelView,
    config: z.object({
      host: z.string(),
      port: z.number().int(),
      secure: z.boolean(),
      user: z.string().nullable(),
      hasPassword: z.boolean(),
      from: z.string(),
      to: z.array(z.string()),
    }),
  }),
]);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/** One alert to one channel: its log line. */
export const ChannelDeliverySchema = z.object({
  id: IdSchema,
  channelId: IdSchema,
  alertId: IdSchema,
  /** The alert in words, as it was sent. */
  alertTitle: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  /** The last failed attempt's error (its first DELIVERY_ERROR_MAX characters); kept after a later success. */
  lastError: z.string().nullable(),
  lastAttemptAt: IsoDateTimeSchema.nullable(),
  /** When it will be tried next; null unless pending. */
  nextAttemptAt: IsoDateTimeSchema.nullable(),
  sentAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type ChannelDelivery = z.infer<typeof ChannelDeliverySchema>;

export const ChannelDeliveryQuerySchema = PageQuerySchema.extend({ status: DeliveryStatusSchema.optional() });
export type ChannelDeliveryQuery = z.infer<typeof ChannelDeliveryQuerySchema>;

/** `POST /api/notification-channels/:id/test`: sent now, or why not. */
export const ChannelTestResultSchema = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type ChannelTestResult = z.infer<typeof ChannelTestResultSchema>;
