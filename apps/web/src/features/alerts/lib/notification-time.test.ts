import { describe, expect, it } from "vitest";
import { createI18n } from "../../../lib/i18n/i18n";
import { describeWhen } from "./notification-time";

// 10:00 in Panjin on 25 November 2026.
const now = new Date("2026-11-25T02:00:00Z");

describe("describeWhen", () => {
  it("says when as a Chinese message list does, on the city's clock", () => {
    const { t } = createI18n("zh-CN");
    const when = (iso: string) => describeWhen(iso, now, t);
    expect(when("2026-11-25T01:59:30Z")).toBe("刚刚");
    expect(when("2026-11-25T02:00:05Z")).toBe("刚刚"); // a clock a little ahead
    expect(when("2026-11-25T01:48:00Z")).toBe("12 分钟前");
    expect(when("2026-11-25T00:30:00Z")).toBe("今天 08:30");
    // 00:30 in Panjin is today there, though still yesterday in UTC.
    expect(when("2026-11-24T16:30:00Z")).toBe("今天 00:30");
    expect(when("2026-11-24T08:05:00Z")).toBe("昨天 16:05");
    expect(when("2026-11-20T01:30:00Z")).toBe("11月20日 09:30");
    expect(when("2025-12-31T17:00:00Z")).toBe("1月1日 01:00");
    expect(when("2025-12-31T15:00:00Z")).toBe("2025年12月31日 23:00");
  });

  it("in English", () => {
    const { t } = createI18n("en");
    const when = (iso: string) => describeWhen(iso, now, t);
    expect(when("2026-11-25T01:59:00Z")).toBe("1 minute ago");
    expect(when("2026-11-25T01:48:00Z")).toBe("12 minutes ago");
    expect(when("2026-11-24T08:05:00Z")).toBe("yesterday 16:05");
    expect(when("2026-11-20T01:30:00Z")).toBe("20 Nov 09:30");
  });
});
