import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import type { ChannelCreate } from "@resettle/domain";

/** What a channel sends: a heading, the alert in words, and where to see the record. */
export type ChannelMessage = { title: string; text: string; link: string | null };

/** A place alerts go to, whatever is behind it: a group robot's webhook, an SMTP server. */
type Channel = { send(message: ChannelMessage): Promise<void> };

/** A channel's kind and configuration as stored (secrets included: never answered by the API). */
export type StoredChannel = ChannelCreate extends infer C
  ? C extends { kind: infer K; config: infer Config }
    ? { kind: K; config: Config }
    : never
  : never;
type SmtpConfig = Extract<StoredChannel, { kind: "smtp" }>["config"];

/** How channels are opened: the real network in the product and in tests (local receivers). */
export type Transports = {
  open(channel: StoredChannel): Channel;
  /** Where users reach the web app, to make the links absolute; null: links stay paths. */
  publicUrl: string | null;
};

/** Webhook calls and SMTP connections give up after this long: a dead server must not hold the dispatcher. */
const DEFAULT_TIMEOUT_MS = 5_000;

/** The text a group robot posts: heading, alert, link, one per line. */
const robotText = ({ title, text, link }: ChannelMessage) => [`【${title}】`, text, link].filter(Boolean).join("\n");

/** The reason a failed fetch gives (its cause says more than "fetch failed"). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { message?: unknown } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause?.message === "string" ? `${message}: ${cause.message}` : message;
}

/**
 * Posts the body to a group robot. Failure is a non-2xx answer, or a JSON answer whose `errcode`
 * is not 0 (both robots answer 200 with `{"errcode":310000,"errmsg":"sign not match"}` and the like).
 */
async function postToRobot(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    throw new Error(describeFailure(error, timeoutMs), { cause: error });
  }
  const answer = await response.text().catch(() => "");
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${answer.slice(0, 200)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return; // Not JSON: the status said it was accepted.
  }
  if (parsed && typeof parsed === "object" && "errcode" in parsed && parsed.errcode !== 0) {
    const { errcode, errmsg } = parsed as { errcode: unknown; errmsg?: unknown };
    throw new Error(`errcode ${String(errcode)}: ${typeof errmsg === "string" ? errmsg : ""}`.trim());
  }
}

/**
 * 钉钉's 加签: `timestamp` (ms) and `sign` = base64(HMAC-SHA256 of "timestamp\nsecret", keyed by
 * the secret), added to the address; the robot refuses a signature more than an hour old.
 */
function signDingTalkUrl(url: string, secret: string, now: Date): string {
  const timestamp = String(now.getTime());
  const sign = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  const signed = new URL(url);
  signed.searchParams.set("timestamp", timestamp);
  signed.searchParams.set("sign", sign);
  return signed.toString();
}

/** 企业微信 group robot: `{"msgtype":"text","text":{"content":…}}` to its address (…/webhook/send?key=…). */
const wecomRobot = (url: string, timeoutMs: number): Channel => ({
  send: (message) => postToRobot(url, { msgtype: "text", text: { content: robotText(message) } }, timeoutMs),
});

/** 钉钉 group robot: the same body; signed when the robot has a secret. */
const dingTalkRobot = (url: string, secret: string | null, timeoutMs: number): Channel => ({
  send: (message) =>
    postToRobot(
      secret ? signDingTalkUrl(url, secret, new Date()) : url,
      { msgtype: "text", text: { content: robotText(message) } },
      timeoutMs,
    ),
});

/** E-mail over SMTP: one message to every address of the channel, a connection per message. */
function smtpMailer(config: SmtpConfig, timeoutMs: number): Channel {
  return {
    async send({ title, text, link }) {
      const transport = nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs * 2,
      });
      try {
        await transport.sendMail({
          from: config.from,
          to: config.to,
          subject: `${title}：${text}`,
          text: [text, link ? `查看：${link}` : null, "", "—— 回迁难问题督办平台（系统自动发送，请勿回复）"]
            .filter((line) => line !== null)
            .join("\n"),
        });
      } finally {
        transport.close();
      }
    },
  };
}

/** The channels over the real network: webhooks with fetch, e-mail with nodemailer. */
export function networkTransports(options: { publicUrl?: string | null; timeoutMs?: number } = {}): Transports {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    publicUrl: options.publicUrl ?? null,
    open(channel) {
      switch (channel.kind) {
        case "wecom_webhook":
          return wecomRobot(channel.config.url, timeoutMs);
        case "dingtalk_webhook":
          return dingTalkRobot(channel.config.url, channel.config.secret, timeoutMs);
        case "smtp":
          return smtpMailer(channel.config, timeoutMs);
      }
    },
  };
}
