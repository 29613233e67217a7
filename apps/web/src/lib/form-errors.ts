import type { FieldIssue } from "@resettle/domain";
import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { isApiError } from "./api-error";
import { fieldIssueMessage } from "./field-issue-message";

/** The form field a server issue names: "body.personId" → "personId". */
function fieldOfIssuePath(path: string): string | null {
  const match = /^body\.([A-Za-z0-9_]+)/.exec(path);
  return match?.[1] ?? null;
}

/** Which entry of a list field an issue names: "body.projectIds.2" → 2. */
function entryOfIssuePath(path: string): number | null {
  const match = /^body\.[A-Za-z0-9_]+\.(\d+)/.exec(path);
  return match ? Number(match[1]) : null;
}

/** A server issue with the form field it names and, for a list field, which entry. */
export type FormIssue = FieldIssue & { field: string; entry: number | null };

/**
 * Puts the server's field errors onto the form's fields and returns whether any landed; issues
 * about fields the form does not show are left to the caller's general error message. Each is
 * worded by its reason (`fieldIssueMessage`) unless `messageFor` has the form's own words for
 * it; neither ever reads the server's English message.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  messageFor: (issue: FormIssue) => string | undefined = () => undefined,
): boolean {
  if (!isApiError(error) || error.details.length === 0) return false;
  const shown = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  for (const issue of error.details) {
    const field = fieldOfIssuePath(issue.path);
    if (!field || !shown.has(field)) continue;
    const text = messageFor({ ...issue, field, entry: entryOfIssuePath(issue.path) }) ?? fieldIssueMessage(t, issue);
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return byField.size > 0;
}

/** On a 409, the record as it is now on the server, if it has the shape the caller expects. */
export function conflictCurrent<S extends z.ZodType>(error: unknown, schema: S): z.infer<S> | null {
  if (!isApiError(error) || !error.isConflict) return null;
  const parsed = schema.safeParse(error.current);
  return parsed.success ? parsed.data : null;
}
