import { describe, expect, it } from "vitest";
import { channelCreateBody, channelFieldOfIssuePath, channelUpdateBody } from "./channel-form";

describe("the channel form", () => {
  it("sends the secrets of an edit only when typed or removed", () => {
    const values = { kind: "smtp" as const, name: " 督办邮件 ", enabled: true, departmentId: null };
    const smtp = {
      ...values,
      host: "mail.example.gov.cn",
      port: 25,
      secure: false,
      user: "",
      from: "a@example.gov.cn",
      to: ["b@example.gov.cn"],
    };
    expect(channelUpdateBody(smtp, 3)).toEqual({
      kind: "smtp",
      version: 3,
      name: "督办邮件",
      enabled: true,
      departmentId: null,
      config: {
        host: "mail.example.gov.cn",
        port: 25,
        secure: false,
        user: null,
        from: "a@example.gov.cn",
        to: ["b@example.gov.cn"],
      },
    });
    expect(channelUpdateBody({ ...smtp, password: "new-Pass-1" }, 3).config).toMatchObject({ password: "new-Pass-1" });
    expect(channelUpdateBody({ ...smtp, password: "typed", removePassword: true }, 3).config).toMatchObject({
      password: null,
    });
    const robot = { kind: "dingtalk_webhook" as const, name: "群", enabled: true };
    expect(channelUpdateBody({ ...robot, url: "  " }, 1).config).toEqual({});
    expect(channelUpdateBody({ ...robot, removeSecret: true }, 1).config).toEqual({ secret: null });
    expect(channelCreateBody({ ...robot, url: " https://oapi.dingtalk.com/robot/send?access_token=x " })).toEqual({
      kind: "dingtalk_webhook",
      name: "群",
      enabled: true,
      departmentId: null,
      config: { url: "https://oapi.dingtalk.com/robot/send?access_token=x", secret: null },
    });
  });

  it("puts the server's refusals on the form's flat fields", () => {
    expect(channelFieldOfIssuePath("body.config.url")).toBe("url");
    expect(channelFieldOfIssuePath("body.config.to.1")).toBe("to");
    expect(channelFieldOfIssuePath("body.name")).toBe("name");
    expect(channelFieldOfIssuePath("body.config")).toBeNull();
    expect(channelFieldOfIssuePath("params.id")).toBeNull();
  });
});
