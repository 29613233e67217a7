import { NoticeSchema } from "@resettle/domain";
import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors, conflictCurrent } from "../../../lib/form-errors";

/**
 * What a refused step says: on a 409 the notice as it is now, in words (the step's mutation has
 * the page read it again); field errors on the form's fields; anything else in general words.
 * Null when the form's fields show it all.
 */
export function stepFailure(t: TFunction, error: unknown, form?: FormInstance): string | null {
  const current = conflictCurrent(error, NoticeSchema);
  if (current) {
    const extension = current.extension?.status === "pending" ? t("notices.conflictPending") : "";
    return t("notices.conflict", { status: t(`notices.statuses.${current.status}`) }) + extension;
  }
  if (form && applyFieldErrors(form, error, t)) return null;
  const issue = isApiError(error) ? error.details[0] : undefined;
  return issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error);
}
