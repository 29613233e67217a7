export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** Today's date where the users are (China Standard Time), as YYYY-MM-DD. */
export function todayInChina(clock: Clock): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(clock.now());
}
