export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

const chinaDays = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** The calendar day a moment falls on where the users are (China Standard Time), as YYYY-MM-DD. */
export const chinaDay = (at: Date): string => chinaDays.format(at);

/** The instant a calendar day (YYYY-MM-DD) begins where the users are: its midnight in China (UTC+8, no DST). */
export const chinaDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** The instant the day after `day` begins in China: the exclusive end of `day`. */
export const chinaDayEnd = (day: string): Date => new Date(chinaDayStart(day).getTime() + 86_400_000);

/** Today's date where the users are, as YYYY-MM-DD. */
export const todayInChina = (clock: Clock): string => chinaDay(clock.now());
