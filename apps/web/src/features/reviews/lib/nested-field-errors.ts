import type { FieldIssue } from "@resettle/domain";
import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api-error";
import { fieldIssueMessage } from "../../../lib/field-issue-message";

type NamePath = (string | number)[];

/** The form field a server issue names: "body.projects.0.actions.1.personId" → ["projects", 0, "actions", 1, "personId"]. */
function namePathOfIssue(path: string): NamePath | null {
  const [root, ...rest] = path.split(".");
  if (root !== "body" || rest.length === 0) return null;
  return rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const keyOf = (name: NamePath) => JSON.stringify(name);

/**
 * Puts the server's field errors on the fields of a form with lists (Form.List), each on the
 * nearest field the form shows; returns the messages no field could take, for the caller to
 * show beside the form. Each is worded by its reason unless `messageFor` has the form's own
 * words for it.
 */
export function applyNestedFieldErrors(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  messageFor: (name: NamePath, issue: FieldIssue) => string | undefined = () => undefined,
  /** Fields registered but not shown (hidden ids): their issues go to the caller instead. */
  hidden: (name: NamePath) => boolean = () => false,
): { placed: boolean; unplaced: string[] } {
  if (!isApiError(error) || error.details.length === 0) return { placed: false, unplaced: [] };
  const shown = new Set(
    form
      .getFieldsError()
      .map((field) => field.name as NamePath)
      .filter((name) => !hidden(name))
      .map(keyOf),
  );
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of error.details) {
    let name = namePathOfIssue(issue.path);
    // An issue about a whole list or row lands on its nearest shown field, if any.
    while (name && name.length > 0 && !shown.has(keyOf(name))) name = name.slice(0, -1);
    const text = messageFor(namePathOfIssue(issue.path) ?? [], issue) ?? fieldIssueMessage(t, issue);
    if (!name || name.length === 0) {
      unplaced.push(text);
      continue;
    }
    const entry = byField.get(keyOf(name)) ?? { name, errors: [] };
    entry.errors.push(text);
    byField.set(keyOf(name), entry);
  }
  form.setFields([...byField.values()]);
  return { placed: byField.size > 0, unplaced };
}
