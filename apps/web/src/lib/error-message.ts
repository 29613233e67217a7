import type { TFunction } from "i18next";
import { isApiError } from "./api-error";

/** Why a change was refused, in words, for a message beside the form or table. */
export function actionErrorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t("errors.UNKNOWN");
  if (error.code === "FORBIDDEN") return t("errors.actionForbidden");
  // Every list reloads after a refused change: the user can simply try again.
  if (error.code === "CONFLICT") return t("errors.conflictReloaded");
  return t(`errors.${error.code}`);
}
