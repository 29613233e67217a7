import type { FormInstance } from "antd";
import type { z } from "zod";
import { isApiError } from "./api-error";

/** The form field a server issue names: "body.personId" → "personId". */
export function fieldOfIssuePath(path: string): string | null {
  const match = /^body\.([A-Za-z0-9_]+)/.exec(path);
  return match?.[1] ?? null;
}

/** Which entry of a list field an issue names: "body.projectIds.2" → 2. */
export function entryOfIssuePath(path: string): number | null {
  const match = /^body\.[A-Za-z0-9_]+\.(\d+)/.exec(path);
  return match ? Number(match[1]) : null;
}

/**
 * Puts the server's field errors onto the form's fields and returns whether any landed; issues
 * about fields the form does not show are left to the caller's general error message.
 * `messageFor` replaces the server's (English) text with a translated one where known; the
 * issue's whole path (body.projectIds.2) says which entry of a list field is meant.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  messageFor: (field: string, serverMessage: string, path: string) => string = (_, message) => message,
): boolean {
  if (!isApiError(error) || error.details.length === 0) return false;
  const shown = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  for (const issue of error.details) {
    const field = fieldOfIssuePath(issue.path);
    if (!field || !shown.has(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), messageFor(field, issue.message, issue.path)]);
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
