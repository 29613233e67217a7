/** A @db.Date column as the wire's YYYY-MM-DD. */
export const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);
