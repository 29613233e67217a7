import { describe, expect, it } from "vitest";
import {
  checkNoticeStep,
  formatNoticeNumber,
  isHigherLevel,
  isNoticeOpen,
  NOTICE_LEVEL_WORDS,
  NOTICE_NUMBER_PREFIX,
  NOTICE_STATUS_WORDS,
  NoticeStatusSchema,
  type ExtensionStatus,
  type NoticeStatus,
  type NoticeStep,
} from "./supervision-notice.js";

const STATUSES = NoticeStatusSchema.options;

/** The statuses a step may be taken from (the extension aside), as the life cycle reads. */
const ALLOWED: Record<Exclude<NoticeStep, "extension_decision">, NoticeStatus[]> = {
  receipt: ["issued"],
  reply: ["received", "returned"],
  review: ["replied"],
  extension: ["received", "returned"],
  escalate: ["issued", "received", "replied", "returned"],
};

describe("the 督办单 life cycle (交办 → 签收 → 反馈 → 复核 → 销号)", () => {
  for (const [step, allowed] of Object.entries(ALLOWED) as [keyof typeof ALLOWED, NoticeStatus[]][])
    it(`allows ${step} only from ${allowed.join(", ")}, and says why not otherwise`, () => {
      for (const status of STATUSES) {
        const check = checkNoticeStep({ status, extensionStatus: null }, step);
        if (allowed.includes(status)) expect(check, `${step} from ${status}`).toEqual({ ok: true });
        else {
          expect(check, `${step} from ${status}`).toMatchObject({ ok: false });
          // The refusal names the state it is in (or the step missing), for the person who tried.
          expect(check.ok === false && check.message).toMatch(status === "issued" ? /签收|issued/ : status);
        }
      }
    });

  it("asks a reply before signing for to sign for first", () => {
    expect(checkNoticeStep({ status: "issued", extensionStatus: null }, "reply")).toEqual({
      ok: false,
      message: "sign for the notice (签收) before replying",
    });
  });

  it("takes one extension request at a time, and decides only a waiting one", () => {
    const at = (extensionStatus: ExtensionStatus | null) => ({ status: "received" as const, extensionStatus });
    expect(checkNoticeStep(at("pending"), "extension")).toEqual({
      ok: false,
      message: "an extension request is already waiting",
    });
    expect(checkNoticeStep(at("refused"), "extension")).toEqual({ ok: true });
    expect(checkNoticeStep(at("approved"), "extension")).toEqual({ ok: true });
    expect(checkNoticeStep(at("pending"), "extension_decision")).toEqual({ ok: true });
    for (const decided of [null, "approved", "refused"] as const)
      expect(checkNoticeStep(at(decided), "extension_decision")).toEqual({
        ok: false,
        message: "no extension request is waiting",
      });
  });

  it("is open until closed (销号)", () => {
    expect(STATUSES.filter((s) => !isNoticeOpen(s))).toEqual(["closed"]);
    expect(checkNoticeStep({ status: "closed", extensionStatus: null }, "escalate")).toEqual({
      ok: false,
      message: "a closed notice is not escalated",
    });
  });
});

describe("levels and numbers", () => {
  it("escalates only upwards: blue < yellow < red", () => {
    expect(isHigherLevel("yellow", "blue")).toBe(true);
    expect(isHigherLevel("red", "yellow")).toBe(true);
    expect(isHigherLevel("red", "blue")).toBe(true);
    expect(isHigherLevel("yellow", "yellow")).toBe(false);
    expect(isHigherLevel("blue", "red")).toBe(false);
    expect(isHigherLevel("yellow", "red")).toBe(false);
  });

  it("prints the number as the city does: 盘回迁督〔2026〕12号", () => {
    expect(formatNoticeNumber(NOTICE_NUMBER_PREFIX, 2026, 12)).toBe("盘回迁督〔2026〕12号");
  });

  it("has the words of the paper form for each level and status", () => {
    expect(NOTICE_LEVEL_WORDS).toEqual({ blue: "蓝色", yellow: "黄色", red: "红色" });
    expect(NOTICE_STATUS_WORDS).toEqual({
      issued: "已交办",
      received: "已签收",
      replied: "已反馈",
      returned: "已退回",
      closed: "已销号",
    });
  });
});
