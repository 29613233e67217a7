import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";

/** Where the server's refusal of a new version landed: on fields, on the weights' sum, or in general words. */
export type RuleFailure = { sum: string | null; general: string | null };

/**
 * Puts the server's field errors on the rules form's nested fields (body.rules.weights.onTime →
 * ["rules", "weights", "onTime"]); the weights' sum (body.rules.weights) goes beside the running
 * sum; anything the form does not show, in general words.
 */
export function applyRuleErrors(
  form: FormInstance,
  fields: readonly string[],
  error: unknown,
  t: TFunction,
): RuleFailure {
  if (!isApiError(error) || error.details.length === 0) return { sum: null, general: actionErrorMessage(t, error) };
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  let sum: string | null = null;
  let general: string | null = null;
  for (const issue of error.details) {
    const path = issue.path.replace(/^body\./, "");
    if (path === "rules.weights") sum = t("scorecards.revise.weightsSum");
    else if (known.has(path)) byField.set(path, [...(byField.get(path) ?? []), fieldIssueMessage(t, issue)]);
    else general ??= fieldIssueMessage(t, issue);
  }
  form.setFields([...byField].map(([path, errors]) => ({ name: path.split("."), errors: [...new Set(errors)] })));
  return { sum, general };
}
