import type { ChannelDelivery, Department, NotificationChannel } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { invalidAnswer, stubApi } from "../../../test/api-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import ChannelsPage from "./channels-page";

const zhujian: Department = {
  id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  code: "zhujian",
  name: "市住建局",
  shortName: "住建",
  kind: "municipal_department",
  districtId: null,
  version: 1,
};
const at = "2026-11-25T02:00:00.000Z";
const robot: NotificationChannel = {
  id: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
  kind: "wecom_webhook",
  name: "住建局回迁工作群",
  enabled: true,
  departmentId: zhujian.id,
  version: 1,
  createdAt: at,
  updatedAt: at,
  failedDeliveries: 1,
  lastFailure: { at, error: 'HTTP 502: {"error":"bad gateway"}' },
  config: { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa" },
};
const mail: NotificationChannel = {
  id: "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a71",
  kind: "smtp",
  name: "督办邮件",
  enabled: false,
  departmentId: null,
  version: 2,
  createdAt: at,
  updatedAt: at,
  failedDeliveries: 0,
  lastFailure: null,
  config: {
    host: "mail.example.gov.cn",
    port: 465,
    secure: true,
    user: "huiqian",
    hasPassword: true,
    from: "huiqian@example.gov.cn",
    to: ["ban@example.gov.cn"],
  },
};
const failed: ChannelDelivery = {
  id: "4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b82",
  channelId: robot.id,
  alertId: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c93",
  alertTitle: "已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成",
  status: "failed",
  attempts: 6,
  lastError: 'HTTP 502: {"error":"bad gateway"}',
  lastAttemptAt: at,
  nextAttemptAt: null,
  sentAt: null,
  createdAt: at,
};
const page = (items: ChannelDelivery[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const LONG = 20_000;
const rowOf = async (name: string) => (await screen.findByRole("cell", { name })).closest("tr") as HTMLElement;

describe("ChannelsPage", () => {
  it("lists the channels with their kind, the alerts they take and their last failure", { timeout: LONG }, async () => {
    stubApi(
      ["GET", /\/api\/notification-channels$/, { status: 200, body: [robot, mail] }],
      ["GET", /\/api\/departments$/, { status: 200, body: [zhujian] }],
    );
    renderWithProviders(<ChannelsPage />);
    const first = await rowOf("住建局回迁工作群");
    expect(within(first).getByText("企业微信群机器人")).toBeTruthy();
    expect(await within(first).findByText("市住建局")).toBeTruthy();
    expect(within(first).getByText("1 条发送失败")).toBeTruthy();
    expect(within(first).getByText('HTTP 502: {"error":"bad gateway"}')).toBeTruthy();
    const second = await rowOf("督办邮件");
    expect(within(second).getByText("电子邮件（SMTP）")).toBeTruthy();
    expect(within(second).getByText("全部单位")).toBeTruthy();
    expect(within(second).getByText("停用")).toBeTruthy();
    expect(within(second).getByRole("button", { name: /启\s*用\s*督办邮件/ })).toBeTruthy();
  });

  it("says so when there is no channel yet", async () => {
    stubApi(
      ["GET", /\/api\/notification-channels$/, { status: 200, body: [] }],
      ["GET", /\/api\/departments$/, { status: 200, body: [] }],
    );
    renderWithProviders(<ChannelsPage />);
    expect(await screen.findByText("尚未配置推送渠道：预警仍会进入通知中心")).toBeTruthy();
  });

  it("发送测试 shows the channel's own error when the message did not go", async () => {
    const api = stubApi(
      ["GET", /\/api\/notification-channels$/, { status: 200, body: [robot] }],
      ["GET", /\/api\/departments$/, { status: 200, body: [zhujian] }],
      [
        "POST",
        /\/api\/notification-channels\/[^/]+\/test$/,
        { status: 200, body: { ok: false, error: "errcode 93000: invalid webhook url" } },
      ],
    );
    setCsrfToken("csrf-1");
    renderWithProviders(<ChannelsPage />);
    fireEvent.click(within(await rowOf("住建局回迁工作群")).getByRole("button", { name: /发送测试/ }));
    const dialog = (await screen.findAllByText("「住建局回迁工作群」测试消息发送失败"))[0]!.closest(
      ".ant-modal",
    ) as HTMLElement;
    expect(within(dialog).getByText("errcode 93000: invalid webhook url")).toBeTruthy();
    expect(api.calls.find((c) => c.method === "POST")!.url).toContain(`/notification-channels/${robot.id}/test`);
  });

  it(
    "shows the delivery log, failures in red with 重试, which puts one back in the queue",
    { timeout: LONG },
    async () => {
      const api = stubApi(
        ["GET", /\/api\/notification-channels$/, { status: 200, body: [robot] }],
        ["GET", /\/api\/departments$/, { status: 200, body: [zhujian] }],
        [
          "GET",
          /\/api\/notification-channels\/[^/]+\/deliveries/,
          { status: 200, body: page([failed]) },
          { status: 200, body: page([{ ...failed, status: "pending", attempts: 0, nextAttemptAt: at }]) },
        ],
        [
          "POST",
          /\/api\/channel-deliveries\/[^/]+\/retry$/,
          { status: 200, body: { ...failed, status: "pending", attempts: 0, nextAttemptAt: at } },
        ],
      );
      setCsrfToken("csrf-1");
      renderWithProviders(<ChannelsPage />);
      fireEvent.click(within(await rowOf("住建局回迁工作群")).getByRole("button", { name: /发送记录/ }));
      const drawer = (await screen.findByText("发送记录：住建局回迁工作群")).closest(".ant-drawer") as HTMLElement;
      const row = (await within(drawer).findAllByText(failed.alertTitle))[0]!.closest("tr") as HTMLElement;
      expect(within(row).getByText("发送失败").closest(".ant-tag")!.className).toMatch(/red/);
      fireEvent.click(within(row).getByRole("button", { name: /重\s*试/ }));
      expect(await screen.findByText("已重新排队，稍后发送")).toBeTruthy();
      expect(api.calls.find((c) => c.method === "POST")!.url).toContain(`/channel-deliveries/${failed.id}/retry`);
      expect(await within(drawer).findByText("待发送")).toBeTruthy();
    },
  );

  it("puts the server's refusal on the field it names", { timeout: LONG }, async () => {
    const api = stubApi(
      ["GET", /\/api\/notification-channels$/, { status: 200, body: [] }],
      ["GET", /\/api\/departments$/, { status: 200, body: [zhujian] }],
      ["POST", /\/api\/notification-channels$/, invalidAnswer({ path: "body.config.url", reason: "invalid_format" })],
    );
    setCsrfToken("csrf-1");
    renderWithProviders(<ChannelsPage />);
    fireEvent.click(await screen.findByRole("button", { name: /新增渠道/ }));
    await screen.findByText("新增推送渠道");
    fireEvent.change(screen.getByLabelText("名称"), { target: { value: " 住建局回迁工作群 " } });
    fireEvent.change(screen.getByLabelText("Webhook 地址"), {
      target: { value: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" },
    });
    fireEvent.click(screen.getByRole("button", { name: /保\s*存/ }));
    await waitFor(() => expect(api.sent("POST")).toHaveLength(1));
    expect(api.sent("POST")[0]).toEqual({
      kind: "wecom_webhook",
      name: "住建局回迁工作群",
      enabled: true,
      departmentId: null,
      config: { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" },
    });
    // zod's invalid_format, worded by the locale files (never the server's English).
    const field = screen.getByLabelText("Webhook 地址").closest(".ant-form-item") as HTMLElement;
    await waitFor(() => expect(field.querySelector(".ant-form-item-explain-error")).toBeTruthy());
  });
});
