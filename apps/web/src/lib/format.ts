import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are shown as the city's offices read them, whatever the viewer's computer says. */
const CHINA_TIME_ZONE = "Asia/Shanghai";

/** Shown where a figure does not exist yet (a year not begun, no data). */
export const NO_VALUE = "—";
/** Shown where the plan itself has no quota; the plan's tables print an en dash. */
const NO_QUOTA = "–";

// Grouping is fixed rather than locale-driven: 4,722 is how the plan and civil servants write it.
const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_VALUE : countFormat.format(value);
}

const rateFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** A pace or a rate, to one decimal as the trajectory reckons it: 3.3 households a month. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_VALUE : rateFormat.format(value);
}

/** A quota: the plan prints no figure for a year without households. */
export function formatQuota(value: number | null | undefined): string {
  return value ? countFormat.format(value) : NO_QUOTA;
}

/** One decimal, as the plan writes shares (34.2 %), but a whole share without one (100 %). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

/** Compact date for tables: 2018-12-31. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format("YYYY-MM-DD") : NO_VALUE;
}

/** A moment on the city's clock, whatever the viewer's computer says. */
export const inChinaTime = (value: string | Date) => dayjs(value).tz(CHINA_TIME_ZONE);

/** A moment in China time, to the second: 2019-03-31 14:05:09. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? inChinaTime(value).format("YYYY-MM-DD HH:mm:ss") : NO_VALUE;
}

/** Date in running text: 2018年12月31日 in Chinese. */
export function formatLongDate(value: string | null | undefined, language: string): string {
  if (!value) return NO_VALUE;
  return dayjs(value).format(language.startsWith("zh") ? "YYYY年M月D日" : "D MMM YYYY");
}

/** A figure with its measure word: 4,722 户 in Chinese; English has none to add. */
export function withUnit(value: string, unit: string): string {
  return unit ? `${value} ${unit}` : value;
}
