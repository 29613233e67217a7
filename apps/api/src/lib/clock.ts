export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

const chinaDays = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** The calendar day a moment falls on where the users are (China Standard Time), as YYYY-MM-DD. */
export const chinaDay = (at: Date): string => chinaDays.format(at);

/** Today's date where the users are, as YYYY-MM-DD. */
export const todayInChina = (clock: Clock): string => chinaDay(clock.now());
