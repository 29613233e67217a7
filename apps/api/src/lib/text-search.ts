/**
 * LIKE's wildcards (`%`, `_`) and its escape character (`\`, PostgreSQL's default) taken
 * literally: a search for "%" finds the records that contain "%", not every record.
 */
export const escapeLikePattern = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The one way a search term becomes a Prisma filter: case-insensitive "contains" with the
 * wildcards escaped (Prisma passes `contains` to ILIKE as it is).
 */
export const containsText = (term: string) => ({ contains: escapeLikePattern(term), mode: "insensitive" as const });
