/** A @db.Date column as the wire's YYYY-MM-DD. */
export const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The wire's YYYY-MM-DD as the Date a @db.Date column stores (midnight UTC). */
export const fromIsoDate = (day: string) => new Date(`${day}T00:00:00Z`);
