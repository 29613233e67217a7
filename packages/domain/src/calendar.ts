/** Calendar-day arithmetic on the wire's YYYY-MM-DD dates (parsed as UTC midnights: no time zone moves them). */
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`: positive when `to` is later, negative when earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The calendar day `days` after `day` (before it when negative). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
