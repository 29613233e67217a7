import type { InjectOptions } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChannelTestResultSchema, NotificationChannelSchema, TEXT_MAX, type ChannelCreate } from "@resettle/domain";
import { startSmtpSink, startWebhookReceiver, type WebhookReceiver } from "../../test/channel-sinks.js";
import { detailPaths, SECRET_PATTERN, seededIds, type SeededIds } from "../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

// 推送渠道 administration (issue 12): the office configures the channels; secrets never come
// back, nor enter the audit trail; every write is versioned and audited; bad settings are 400
// on their field, never cut or clamped.

let t: TestApp;
let ids: SeededIds;
let receiver: WebhookReceiver;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  await t.close();
});

const WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
const DINGTALK_TOKEN = "c4f1e2d3b4a5968778695a4b3c2d1e0f";
const DINGTALK_SECRET = "SECb1e5ab3fd2c4e5f6a7b8c9d0e1f2a3b4";
const SMTP_PASSWORD = "mail-Pa55-2026";

const admin = (request: InjectOptions) => t.as("admin")(request);
const create = (payload: object) => admin({ method: "POST", url: "/api/notification-channels", payload });
const created = async (payload: ChannelCreate) => {
  const res = await create(payload);
  expect(res.statusCode, res.body).toBe(201);
  return NotificationChannelSchema.parse(res.json());
};
const patch = (id: string, payload: object) =>
  admin({ method: "PATCH", url: `/api/notification-channels/${id}`, payload });

const wecom = (): ChannelCreate => ({
  kind: "wecom_webhook",
  name: "住建局回迁工作群",
  enabled: true,
  departmentId: ids.zhujian,
  config: { url: receiver.url(`/cgi-bin/webhook/send?key=${WECOM_KEY}`) },
});
const dingtalk = (): ChannelCreate => ({
  kind: "dingtalk_webhook",
  name: "督办钉钉群",
  enabled: true,
  departmentId: null,
  config: { url: receiver.url(`/robot/send?access_token=${DINGTALK_TOKEN}`), secret: DINGTALK_SECRET },
});
const smtp = (port = 2525): ChannelCreate => ({
  kind: "smtp",
  name: "督办邮件",
  enabled: true,
  departmentId: null,
  config: {
    host: "127.0.0.1",
    port,
    secure: false,
    user: "mailer",
    password: SMTP_PASSWORD,
    from: "huiqian@example.gov.cn",
    to: ["zhujian@example.gov.cn"],
  },
});
const SECRETS = [WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, SMTP_PASSWORD];
const expectNoSecrets = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe("/api/notification-channels", () => {
  it("creates each kind and answers without its secrets: the token masked, the secret and password as set or not", async () => {
    const [w, d, s] = [await created(wecom()), await created(dingtalk()), await created(smtp())];
    expect(w).toMatchObject({
      kind: "wecom_webhook",
      version: 1,
      failedDeliveries: 0,
      lastFailure: null,
      config: { url: receiver.url("/cgi-bin/webhook/send?key=****5aaa") },
    });
    expect(d).toMatchObject({
      kind: "dingtalk_webhook",
      config: { url: receiver.url("/robot/send?access_token=****1e0f"), hasSecret: true },
    });
    expect(s).toMatchObject({
      kind: "smtp",
      config: { host: "127.0.0.1", port: 2525, user: "mailer", hasPassword: true, to: ["zhujian@example.gov.cn"] },
    });
    const list = await admin({ url: "/api/notification-channels" });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((c: { name: string }) => c.name)).toEqual(["住建局回迁工作群", "督办钉钉群", "督办邮件"]);
    expectNoSecrets(list.body);

    const events = await t.db.prisma.auditEvent.findMany({ where: { entityType: "notification_channel" } });
    expect(events.map((e) => e.action)).toEqual(["create", "create", "create"]);
    expect(events.find((e) => e.entityId === s.id)!.after).toMatchObject({ name: "督办邮件", signsIn: true });
    expect(events.find((e) => e.entityId === d.id)!.after).toMatchObject({ signed: true });
    const recorded = JSON.stringify(events.map((e) => [e.before, e.after]));
    expectNoSecrets(recorded);
    expect(recorded).not.toMatch(SECRET_PATTERN);
  });

  it("refuses bad settings on their field (400), writes nothing, never cuts or clamps", async () => {
    const cases: [object, string, string][] = [
      [{ ...wecom(), config: { url: "ftp://robot.example/send" } }, "body.config.url", "invalid_format"],
      [{ ...wecom(), config: { url: "not an address" } }, "body.config.url", "invalid_format"],
      [{ ...wecom(), name: "群".repeat(TEXT_MAX.longName + 1) }, "body.name", "too_big"],
      [{ ...wecom(), name: "  " }, "body.name", "too_small"],
      [{ ...smtp(0) }, "body.config.port", "too_small"],
      [{ ...smtp(65536) }, "body.config.port", "too_big"],
      [
        { ...smtp(), config: { ...smtp().config, to: ["ban@example.gov.cn", "不是地址"] } },
        "body.config.to.1",
        "invalid_format",
      ],
      [{ ...smtp(), config: { ...smtp().config, to: [] } }, "body.config.to", "too_small"],
      [
        { ...smtp(), config: { ...smtp().config, to: ["a@example.gov.cn", "A@example.gov.cn"] } },
        "body.config.to",
        "duplicate",
      ],
      [{ ...smtp(), config: { ...smtp().config, from: "huiqian" } }, "body.config.from", "invalid_format"],
      [{ ...smtp(), config: { ...smtp().config, host: "mail server" } }, "body.config.host", "invalid_format"],
      [{ ...wecom(), departmentId: "00000000-0000-4000-8000-000000000000" }, "body.departmentId", "unknown_reference"],
    ];
    for (const [payload, path, reason] of cases) {
      const res = await create(payload);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(detailPaths(res), res.body).toEqual([path]);
      expect(res.json().error.details[0].reason, path).toBe(reason);
    }
    const tooLong = await create({ ...wecom(), name: "群".repeat(TEXT_MAX.longName + 1) });
    expect(tooLong.json().error.details[0].params).toMatchObject({ maximum: TEXT_MAX.longName });
    expect(await t.db.prisma.notificationChannel.count()).toBe(0);
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: "notification_channel" } })).toBe(0);
  });

  it("changes a channel under its version: a left-out password or address stays, null removes a secret, 409 when stale", async () => {
    const sink = await startSmtpSink({ user: "mailer", password: SMTP_PASSWORD });
    try {
      const channel = await created(smtp(sink.port));
      const renamed = await patch(channel.id, { kind: "smtp", name: "督办邮件（住建）", version: 1 });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json()).toMatchObject({ name: "督办邮件（住建）", version: 2, config: { hasPassword: true } });
      // The password was kept: the server still lets it in.
      const tried = await admin({ method: "POST", url: `/api/notification-channels/${channel.id}/test` });
      expect(ChannelTestResultSchema.parse(tried.json())).toEqual({ ok: true, error: null });
      expect(sink.received[0]!.mail.subject).toBe(
        "回迁督办平台测试消息：这是一条测试消息：推送渠道「督办邮件（住建）」配置正确。",
      );

      const stale = await patch(channel.id, { kind: "smtp", name: "旧版本", version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.current).toMatchObject({ name: "督办邮件（住建）", version: 2 });
      expectNoSecrets(stale.body);

      // The same values again: nothing written, not even the version.
      const same = await patch(channel.id, {
        kind: "smtp",
        name: "督办邮件（住建）",
        config: { port: sink.port, password: SMTP_PASSWORD },
        version: 2,
      });
      expect(same.json().version).toBe(2);

      const withoutPassword = await patch(channel.id, {
        kind: "smtp",
        config: { user: null, password: null },
        version: 2,
      });
      expect(withoutPassword.json()).toMatchObject({ version: 3, config: { user: null, hasPassword: false } });
      const stored = await t.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
      expect(stored.config).toMatchObject({ user: null, password: null, host: "127.0.0.1" });

      const events = await t.db.prisma.auditEvent.findMany({
        where: { entityType: "notification_channel", entityId: channel.id },
        orderBy: { at: "asc" },
      });
      expect(events.map((e) => e.action)).toEqual(["create", "update", "update"]);
      expect(events[2]!.after).toEqual({ user: null, signsIn: false, replaced: ["credential"] });
      const recorded = JSON.stringify(events.map((e) => [e.before, e.after]));
      expectNoSecrets(recorded);
      expect(recorded).not.toMatch(SECRET_PATTERN);
    } finally {
      await sink.close();
    }
  });

  it("keeps a webhook's address when left out, replaces it when given; a new signing secret is audited by name only", async () => {
    const channel = await created(dingtalk());
    const res = await patch(channel.id, {
      kind: "dingtalk_webhook",
      config: { secret: "SECnew-secret-2026" },
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await t.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(stored.config).toEqual({
      url: receiver.url(`/robot/send?access_token=${DINGTALK_TOKEN}`),
      secret: "SECnew-secret-2026",
    });
    const moved = await patch(channel.id, {
      kind: "dingtalk_webhook",
      config: { url: receiver.url("/robot/send?access_token=another-token-9999") },
      version: 2,
    });
    expect(moved.json().config.url).toBe(receiver.url("/robot/send?access_token=****9999"));
    const events = await t.db.prisma.auditEvent.findMany({
      where: { entityId: channel.id, action: "update" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.after)).toEqual([
      { replaced: ["signing key"] },
      { url: receiver.url("/robot/send?access_token=****9999"), replaced: ["url"] },
    ]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("SECnew-secret-2026");
  });

  it("enables and disables (audited as such); its kind never changes", async () => {
    const channel = await created(wecom());
    const disabled = await patch(channel.id, { kind: "wecom_webhook", enabled: false, version: 1 });
    expect(disabled.json()).toMatchObject({ enabled: false, version: 2 });
    const kind = await patch(channel.id, { kind: "smtp", name: "改成邮件", version: 2 });
    expect(kind.statusCode).toBe(400);
    expect(detailPaths(kind)).toEqual(["body.kind"]);
    const actions = await t.db.prisma.auditEvent.findMany({
      where: { entityId: channel.id },
      select: { action: true },
      orderBy: { at: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["create", "disable"]);
    expect((await t.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).version).toBe(2);
  });
});

describe("POST /api/notification-channels/:id/test", () => {
  it("sends a test message now and says whether it went, or the error; writes nothing", async () => {
    const channel = await created({ ...wecom(), enabled: false });
    const test = () => admin({ method: "POST", url: `/api/notification-channels/${channel.id}/test` });
    const ok = await test();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ok: true, error: null });
    expect(receiver.requests[0]!.body).toEqual({
      msgtype: "text",
      text: { content: "【回迁督办平台测试消息】\n这是一条测试消息：推送渠道「住建局回迁工作群」配置正确。" },
    });
    receiver.answerWith(() => ({ status: 200, body: { errcode: 93000, errmsg: "invalid webhook url" } }));
    expect((await test()).json()).toEqual({ ok: false, error: "errcode 93000: invalid webhook url" });
    expect(await t.db.prisma.channelDelivery.count()).toBe(0);
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: channel.id } })).toBe(1);
    const unknown = await admin({
      method: "POST",
      url: "/api/notification-channels/00000000-0000-4000-8000-000000000000/test",
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("who may", () => {
  it("only the office: coordinators, the working group and leaders get 403 on every channel route, and nothing changes", async () => {
    const channel = await created(wecom());
    const delivery = await t.db.prisma.channelDelivery.create({
      data: {
        channelId: channel.id,
        alertId: (
          await t.db.prisma.alert.create({
            data: {
              rule: "work_overdue",
              entityType: "milestone",
              entityId: ids.work.xuefuyuanPermit,
              key: "403",
              departmentId: ids.zhujian,
              projectId: ids.xuefuyuan,
              title: "已逾期：测试",
              link: "/",
            },
          })
        ).id,
        status: "failed",
        attempts: 6,
        nextAttemptAt: new Date(),
        lastError: "HTTP 500",
      },
    });
    const routes: InjectOptions[] = [
      { method: "GET", url: "/api/notification-channels" },
      { method: "POST", url: "/api/notification-channels", payload: wecom() },
      {
        method: "PATCH",
        url: `/api/notification-channels/${channel.id}`,
        payload: { kind: "wecom_webhook", enabled: false, version: 1 },
      },
      { method: "POST", url: `/api/notification-channels/${channel.id}/test` },
      { method: "GET", url: `/api/notification-channels/${channel.id}/deliveries` },
      { method: "POST", url: `/api/channel-deliveries/${delivery.id}/retry` },
    ];
    for (const user of ["coord-zhujian", "wg", "leader"])
      for (const route of routes) {
        const res = await t.as(user)(route);
        expect(res.statusCode, `${route.method} ${route.url} as ${user}`).toBe(403);
        expect(res.json().error.code).toBe("FORBIDDEN");
      }
    expect(receiver.requests).toHaveLength(0);
    expect(await t.db.prisma.notificationChannel.count()).toBe(1);
    expect(await t.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({
      version: 1,
      enabled: true,
    });
    expect(await t.db.prisma.channelDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "failed",
    });
  });
});
