import type { TFunction } from "i18next";
import { inChinaTime } from "../../../lib/format";

/**
 * When a notification came, as people write it in a message list: 刚刚, 12 分钟前, 今天 09:30,
 * 昨天 16:05, 11月20日 09:30, and with the year once it is not this year's. Days are the city's.
 */
export function describeWhen(iso: string, now: Date, t: TFunction): string {
  const at = inChinaTime(iso);
  const today = inChinaTime(now);
  const minutes = Math.floor(today.diff(at, "minute", true));
  if (minutes < 1) return t("alerts.when.justNow");
  if (minutes < 60) return t("alerts.when.minutesAgo", { count: minutes });
  const time = at.format("HH:mm");
  if (at.isSame(today, "day")) return t("alerts.when.today", { time });
  if (at.isSame(today.subtract(1, "day"), "day")) return t("alerts.when.yesterday", { time });
  return at.format(at.isSame(today, "year") ? t("alerts.when.thisYear") : t("alerts.when.earlier"));
}
