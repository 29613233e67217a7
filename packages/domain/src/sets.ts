/** Whether a list names each member once. */
export const eachOnce = (values: readonly string[]): boolean => new Set(values).size === values.length;

/** Whether two lists of distinct members hold the same ones, in any order. */
export const sameMembers = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));
