import type { FieldIssue } from "@resettle/domain";
import type { TFunction } from "i18next";

/** zod's size issues say what was measured: characters, a number, or entries of a list. */
const SIZED = new Set(["string", "number", "array"]);

/**
 * A refused field in the interface language, chosen by the issue's reason (never by the
 * server's English message) and worded with its params.
 */
export function fieldIssueMessage(t: TFunction, issue: Pick<FieldIssue, "reason" | "params">): string {
  const params = issue.params ?? {};
  if (issue.reason === "too_small" || issue.reason === "too_big") {
    const origin = typeof params.origin === "string" && SIZED.has(params.origin) ? params.origin : "number";
    return t(`fieldReasons.${issue.reason}_${origin}` as "fieldReasons.too_small_number", params);
  }
  if (issue.reason === "out_of_bounds" && params.minimum !== undefined && params.maximum !== undefined)
    return t("fieldReasons.out_of_range", params);
  return t(`fieldReasons.${issue.reason}` as "fieldReasons.custom", params);
}
