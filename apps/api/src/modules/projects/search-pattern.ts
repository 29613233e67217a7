/**
 * A search term as a LIKE / ILIKE pattern that matches it literally: `\`, `%` and `_` are
 * escaped with `\` (PostgreSQL's default escape character), so "%" finds a literal percent
 * sign rather than everything. Local to projects until a shared helper exists.
 */
export const escapeLikePattern = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);
