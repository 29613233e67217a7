import { createHmac } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotificationChannelSchema, pageOf, ChannelDeliverySchema, type ChannelCreate } from "@resettle/domain";
import type { Clock } from "../../lib/clock.js";
import { startSmtpSink, startWebhookReceiver, type WebhookReceiver } from "../../test/channel-sinks.js";
import { seededIds, type SeededIds } from "../../test/fixtures.js";
import { raceBehind } from "../../test/row-lock.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { deliverPending, enqueueDeliveries } from "./dispatcher.js";
import { networkTransports } from "./transports.js";

// 推送 (issue 12): alerts reach 企业微信 and 钉钉 group robots and e-mail, checked against a real
// local HTTP receiver and a real SMTP server (smtp-server) on ports of their own; failures are
// tried again after 1, 2, 4, 8, 16 minutes and given up after the sixth, visible in the log.

const MINUTE = 60_000;
const XUEFUYUAN_PERMIT = /^已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成（市住建局，李科长（演示））$/;

let t: TestApp;
let ids: SeededIds;
let now: Date;
const clock: Clock = { now: () => now };
const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * MINUTE));
let receiver: WebhookReceiver;

beforeEach(async () => {
  now = new Date("2026-11-25T02:00:00Z");
  t = await createTestApp({ clock });
  ids = await seededIds(t.db.prisma);
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  await t.close();
});

const createChannel = async (body: ChannelCreate) => {
  const res = await t.as("admin")({ method: "POST", url: "/api/notification-channels", payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return NotificationChannelSchema.parse(res.json());
};
const wecom = (departmentId: string | null = null): ChannelCreate => ({
  kind: "wecom_webhook",
  name: "住建局回迁工作群",
  enabled: true,
  departmentId,
  config: { url: receiver.url("/cgi-bin/webhook/send?key=wecom-test-key-0001") },
});

let occasion = 0;
/** An alert about 学府园二期 (住建), raised as the rules raise them, and queued as a run queues it. */
async function raiseOne(title = `已逾期：测试预警 ${++occasion}`, departmentId: string | null = ids.zhujian) {
  const alert = await t.db.prisma.alert.create({
    data: {
      rule: "work_overdue",
      entityType: "milestone",
      entityId: ids.work.xuefuyuanPermit,
      key: `test-${++occasion}`,
      departmentId,
      projectId: ids.xuefuyuan,
      title,
      link: `/projects/${ids.xuefuyuan}`,
    },
  });
  await enqueueDeliveries(t.db.prisma, clock);
  return alert;
}
const dispatch = (transports = networkTransports()) => deliverPending(t.db.prisma, clock, transports);
const deliveries = () => t.db.prisma.channelDelivery.findMany({ orderBy: { createdAt: "asc" } });
const onlyDelivery = async () => {
  const all = await deliveries();
  expect(all).toHaveLength(1);
  return all[0]!;
};
const contentOf = (body: unknown) => (body as { text: { content: string } }).text.content;

describe("企业微信 group robot", () => {
  it("gets each alert of its department once, as the robot's text message, from the alert run", async () => {
    await createChannel(wecom(ids.zhujian));
    const run = await t.as("admin")({ method: "POST", url: "/api/alerts/run" });
    expect(run.statusCode, run.body).toBe(200);

    const theirs = await t.db.prisma.alert.findMany({ where: { departmentId: ids.zhujian } });
    expect(theirs.length).toBeGreaterThan(0);
    expect(await t.db.prisma.alert.count()).toBeGreaterThan(theirs.length); // other departments' stay out
    expect(receiver.requests).toHaveLength(theirs.length);
    for (const request of receiver.requests) {
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/cgi-bin/webhook/send?key=wecom-test-key-0001");
      expect(request.headers["content-type"]).toMatch(/^application\/json/);
      expect(request.body).toEqual({ msgtype: "text", text: { content: expect.any(String) } });
    }
    const contents = receiver.requests.map((r) => contentOf(r.body));
    expect(contents.sort()).toEqual(theirs.map((a) => `【回迁督办预警】\n${a.title}\n${a.link}`).sort());
    expect(contents.map((c) => c.split("\n")[1])).toContainEqual(expect.stringMatching(XUEFUYUAN_PERMIT));
    const sent = await deliveries();
    expect(sent.map((d) => [d.status, d.attempts, d.sentAt])).toEqual(sent.map(() => ["sent", 0, now]));

    // Again: nothing new raised, nothing sent twice.
    await t.as("admin")({ method: "POST", url: "/api/alerts/run" });
    expect(receiver.requests).toHaveLength(theirs.length);
  });

  it("takes nothing while disabled, and once enabled again only what is raised from then on", async () => {
    const channel = await createChannel({ ...wecom(), enabled: false });
    await raiseOne();
    expect(await deliveries()).toHaveLength(0);
    const enabled = await t.as("admin")({
      method: "PATCH",
      url: `/api/notification-channels/${channel.id}`,
      payload: { kind: "wecom_webhook", enabled: true, version: channel.version },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    await enqueueDeliveries(t.db.prisma, clock);
    expect(await deliveries()).toHaveLength(0); // no backlog
    await raiseOne("已逾期：启用后的预警");
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.requests.map((r) => contentOf(r.body))).toEqual([
      `【回迁督办预警】\n已逾期：启用后的预警\n/projects/${ids.xuefuyuan}`,
    ]);
  });
});

describe("钉钉 group robot", () => {
  it("signs each call (加签: timestamp and HMAC-SHA256 sign) when it has a secret; links are absolute with PUBLIC_URL", async () => {
    const secret = "SEC0123456789abcdef";
    await createChannel({
      kind: "dingtalk_webhook",
      name: "督办钉钉群",
      enabled: true,
      departmentId: null,
      config: { url: receiver.url("/robot/send?access_token=dingtalk-token-0001"), secret },
    });
    await raiseOne("已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成（市住建局，李科长（演示））");
    const before = Date.now();
    const transports = networkTransports({ publicUrl: "https://huiqian.example.gov.cn/" });
    expect(await dispatch(transports)).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const [request] = receiver.requests;
    const url = new URL(request!.url, "http://receiver");
    expect(url.pathname).toBe("/robot/send");
    expect(url.searchParams.get("access_token")).toBe("dingtalk-token-0001");
    const timestamp = url.searchParams.get("timestamp")!;
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Date.now());
    expect(url.searchParams.get("sign")).toBe(
      createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64"),
    );
    expect(request!.body).toEqual({
      msgtype: "text",
      text: {
        content: `【回迁督办预警】\n已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成（市住建局，李科长（演示））\nhttps://huiqian.example.gov.cn/projects/${ids.xuefuyuan}`,
      },
    });
  });

  it("counts an answer with errcode ≠ 0 as a failure (the robot's own words in the log); unsigned without a secret", async () => {
    await createChannel({
      kind: "dingtalk_webhook",
      name: "未加签的钉钉群",
      enabled: true,
      departmentId: null,
      config: { url: receiver.url("/robot/send?access_token=dingtalk-token-0002"), secret: null },
    });
    receiver.answerWith(() => ({ status: 200, body: { errcode: 310000, errmsg: "keywords not in content" } }));
    await raiseOne(undefined, null);
    expect(await dispatch()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(receiver.requests[0]!.url).toBe("/robot/send?access_token=dingtalk-token-0002");
    expect(await onlyDelivery()).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "errcode 310000: keywords not in content",
    });
  });
});

describe("e-mail over SMTP", () => {
  it("sends the alert to every address, signed in to the server, the Chinese text intact", async () => {
    const sink = await startSmtpSink({ user: "mailer", password: "s3cret-邮箱" });
    try {
      await createChannel({
        kind: "smtp",
        name: "督办邮件",
        enabled: true,
        departmentId: ids.zhujian,
        config: {
          host: sink.host,
          port: sink.port,
          secure: false,
          user: "mailer",
          password: "s3cret-邮箱",
          from: "huiqian@example.gov.cn",
          to: ["zhujian@example.gov.cn", "ban@example.gov.cn"],
        },
      });
      const title = "已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成（市住建局，李科长（演示））";
      await raiseOne(title);
      expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });

      expect(sink.received).toHaveLength(1);
      const [{ mail, from, to, user }] = sink.received as [(typeof sink.received)[number]];
      expect({ from, to, user }).toEqual({
        from: "huiqian@example.gov.cn",
        to: ["zhujian@example.gov.cn", "ban@example.gov.cn"],
        user: "mailer",
      });
      expect(mail.subject).toBe(`回迁督办预警：${title}`);
      expect(mail.text).toContain(title);
      expect(mail.text).toContain(`查看：/projects/${ids.xuefuyuan}`);
      expect(mail.text).toContain("回迁难问题督办平台");
      expect(await onlyDelivery()).toMatchObject({ status: "sent", attempts: 0, sentAt: now });
    } finally {
      await sink.close();
    }
  });

  it("logs the server's refusal of a wrong password, and a server that is not there", async () => {
    const sink = await startSmtpSink({ user: "mailer", password: "right" });
    try {
      const base = { enabled: true, departmentId: null, kind: "smtp" as const };
      const mail = { secure: false, user: "mailer", from: "huiqian@example.gov.cn", to: ["ban@example.gov.cn"] };
      await createChannel({
        ...base,
        name: "密码错误",
        config: { ...mail, host: sink.host, port: sink.port, password: "wrong" },
      });
      const closed = await startSmtpSink();
      await closed.close(); // a port nothing listens on any more
      await createChannel({
        ...base,
        name: "服务器不在",
        config: { ...mail, host: closed.host, port: closed.port, password: "right" },
      });
      await raiseOne(undefined, null);
      expect(await dispatch()).toEqual({ sent: 0, retrying: 2, failed: 0 });
      const errors = (await t.db.prisma.channelDelivery.findMany({ include: { channel: true } })).map((d) => [
        d.channel.name,
        d.lastError,
      ]);
      expect(errors).toContainEqual(["密码错误", expect.stringMatching(/535|Invalid username or password/)]);
      expect(errors).toContainEqual(["服务器不在", expect.stringMatching(/ECONNREFUSED/)]);
      expect(sink.received).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });
});

describe("retries with back-off", () => {
  it("after a failure waits a minute: not sent before, sent after", async () => {
    await createChannel(wecom());
    receiver.answerWith((n) => (n === 1 ? { status: 500, body: { error: "busy" } } : { status: 200, body: {} }));
    await raiseOne();
    expect(await dispatch()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const failed = await onlyDelivery();
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: 'HTTP 500: {"error":"busy"}' });
    expect(failed.lastAttemptAt).toEqual(now);
    expect(failed.nextAttemptAt).toEqual(new Date(now.getTime() + MINUTE));

    advance(0.5);
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(1);

    advance(0.5);
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(2);
    // The failure stays in the log beside the success.
    expect(await onlyDelivery()).toMatchObject({
      status: "sent",
      attempts: 1,
      sentAt: now,
      lastError: expect.any(String),
    });
  });

  it("gives up after the sixth attempt (1, 2, 4, 8, 16 minutes apart), shows it in the log, and an administrator's retry sends it", async () => {
    const channel = await createChannel(wecom());
    receiver.answerWith(() => ({ status: 502, body: { error: "bad gateway" } }));
    await raiseOne("已逾期：一直发不出去的预警");
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const result = await dispatch();
      const delivery = await onlyDelivery();
      expect(delivery.attempts).toBe(attempt);
      if (attempt < 6) {
        expect(result).toEqual({ sent: 0, retrying: 1, failed: 0 });
        waits.push((delivery.nextAttemptAt.getTime() - now.getTime()) / MINUTE);
        now = delivery.nextAttemptAt;
      } else {
        expect(result).toEqual({ sent: 0, retrying: 0, failed: 1 });
        expect(delivery.status).toBe("failed");
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    const gaveUpAt = now.toISOString();
    advance(60); // (within the admin's session, which the log is read with)
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(6);

    // Visible: in the channel's log (by status) and on the channel.
    const log = await t.as("admin")({ url: `/api/notification-channels/${channel.id}/deliveries?status=failed` });
    expect(log.statusCode, log.body).toBe(200);
    const page = pageOf(ChannelDeliverySchema).parse(log.json());
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      alertTitle: "已逾期：一直发不出去的预警",
      status: "failed",
      attempts: 6,
      lastError: 'HTTP 502: {"error":"bad gateway"}',
      nextAttemptAt: null,
      sentAt: null,
    });
    const listed = (await t.as("admin")({ url: "/api/notification-channels" })).json();
    expect(listed[0]).toMatchObject({
      failedDeliveries: 1,
      lastFailure: { at: gaveUpAt, error: 'HTTP 502: {"error":"bad gateway"}' },
    });

    // 重试: back in the queue, due now, a new round of attempts; once only.
    const retry = () => t.as("admin")({ method: "POST", url: `/api/channel-deliveries/${page.items[0]!.id}/retry` });
    const retried = await retry();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: now.toISOString() });
    const again = await retry();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.current).toMatchObject({ status: "pending" });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "retry_delivery", entityId: channel.id } })).toBe(1);
    receiver.answerWith(() => ({ status: 200, body: { errcode: 0 } }));
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await onlyDelivery()).toMatchObject({ status: "sent" });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    await createChannel(wecom());
    receiver.answerWith(() => ({ status: 200, body: {}, delayMs: 2_000 }));
    await raiseOne();
    expect(await dispatch(networkTransports({ timeoutMs: 200 }))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await onlyDelivery()).toMatchObject({ attempts: 1, lastError: "no answer within 0.2 s" });
  });
});

describe("several API processes", () => {
  it("a dispatcher passes over a delivery another holds (SKIP LOCKED) instead of waiting for it", async () => {
    await createChannel(wecom());
    await raiseOne("已逾期：被另一进程占用的预警");
    await raiseOne("已逾期：可以发送的预警");
    const [held] = await deliveries();
    const holder = new pg.Client({ connectionString: t.db.url });
    await holder.connect();
    let running: Promise<unknown> | undefined;
    try {
      await holder.query("BEGIN");
      await holder.query('SELECT 1 FROM "channel_deliveries" WHERE "id" = $1 FOR UPDATE', [held!.id]);
      running = dispatch();
      const waited = new Promise((resolve) => setTimeout(() => resolve("waited for the held row"), 5_000));
      expect(await Promise.race([running, waited])).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(receiver.requests.map((r) => contentOf(r.body))).toEqual([
        `【回迁督办预警】\n已逾期：可以发送的预警\n/projects/${ids.xuefuyuan}`,
      ]);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
      await running;
    }
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(2);
  });

  it("three dispatchers at once send each delivery exactly once", async () => {
    await createChannel(wecom());
    for (let i = 0; i < 45; i++) await raiseOne(`已逾期：并发预警 ${i}`);
    // Forced: a test trigger stops each claiming statement at its first row, after it has chosen
    // its rows, on an advisory lock the test holds; once all three wait there, they go together.
    await t.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION test_claim_gate() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$`,
    );
    await t.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_claim_gate BEFORE UPDATE ON channel_deliveries FOR EACH ROW EXECUTE FUNCTION test_claim_gate()`,
    );
    const gate = (holder: pg.Client) => holder.query("SELECT pg_advisory_xact_lock(4242)");
    const results = await raceBehind(
      t.db.url,
      gate,
      3,
      () => Promise.all([dispatch(), dispatch(), dispatch()]),
      "COMMIT",
    );
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(45);
    const contents = receiver.requests.map((r) => contentOf(r.body));
    expect(contents).toHaveLength(45);
    expect(new Set(contents).size).toBe(45);
    expect(await t.db.prisma.channelDelivery.count({ where: { status: "sent" } })).toBe(45);
  });
});
