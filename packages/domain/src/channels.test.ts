import { describe, expect, it } from "vitest";
import {
  ChannelCreateSchema,
  ChannelUpdateSchema,
  DELIVERY_MAX_ATTEMPTS,
  reasonOfIssue,
  retryDelayMinutes,
} from "./index.js";

describe("retryDelayMinutes", () => {
  it("doubles from one minute, and gives up after the sixth failure", () => {
    const waits = Array.from({ length: DELIVERY_MAX_ATTEMPTS }, (_, i) => retryDelayMinutes(i + 1));
    expect(waits).toEqual([1, 2, 4, 8, 16, null]);
    expect(retryDelayMinutes(DELIVERY_MAX_ATTEMPTS + 1)).toBeNull();
  });
});

describe("channel settings", () => {
  const smtp = {
    kind: "smtp",
    name: "督办邮件",
    enabled: true,
    departmentId: null,
    config: {
      host: "mail.example.gov.cn",
      port: 465,
      secure: true,
      from: "a@example.gov.cn",
      to: ["b@example.gov.cn"],
    },
  };
  it("a new channel without a secret or password has none (null), not a missing field", () => {
    expect(ChannelCreateSchema.parse(smtp).config).toMatchObject({ user: null, password: null });
  });
  it("a change leaves out what it does not give: a password left out is not removed", () => {
    const parsed = ChannelUpdateSchema.parse({ kind: "smtp", version: 1, config: { port: 25 } });
    expect(parsed.config).toEqual({ port: 25 });
    expect("password" in parsed.config!).toBe(false);
  });
  it("refuses a webhook that is not http(s), and the same address twice", () => {
    const ftp = ChannelCreateSchema.safeParse({
      kind: "wecom_webhook",
      name: "群",
      enabled: true,
      departmentId: null,
      config: { url: "ftp://robot.example/send" },
    });
    expect(ftp.error?.issues.map((i) => i.path.join("."))).toEqual(["config.url"]);
    const twice = ChannelCreateSchema.safeParse({
      ...smtp,
      config: { ...smtp.config, to: ["b@example.gov.cn", "B@example.gov.cn"] },
    });
    expect(twice.error?.issues.map((i) => [i.path.join("."), reasonOfIssue(i).reason])).toEqual([
      ["config.to", "duplicate"],
    ]);
  });
});
