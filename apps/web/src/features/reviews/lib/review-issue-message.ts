import type { FieldIssue } from "@resettle/domain";
import type { TFunction } from "i18next";

type NamePath = (string | number)[];

/**
 * The server's refusals of a review in the review form's own words, by the field and the
 * reason; anything else is worded by its reason alone.
 */
export function reviewIssueMessage(t: TFunction, name: NamePath, issue: FieldIssue): string | undefined {
  const field = [...name].reverse().find((part) => typeof part === "string");
  switch (field) {
    case "personId":
      return t("reviews.form.personInvalid");
    case "departmentId":
      return t("reviews.form.departmentInvalid");
    case "dueDate":
      return issue.reason === "due_before_review" ? t("reviews.form.dueBeforeMeeting") : undefined;
    case "attendeePersonIds":
      return t("reviews.form.attendeeInvalid");
    case "projectId":
      return t("reviews.form.projectInvalid");
    case "heldOn":
      if (issue.reason === "held_after_action_due") return t("reviews.form.heldOnAfterActions");
      return issue.reason === "date_in_future" ? t("reviews.form.heldOnFuture") : undefined;
    default:
      return undefined;
  }
}
