import type { TFunction } from "i18next";

type NamePath = (string | number)[];

/**
 * The server's refusals of a review, in the interface language where the field says what went
 * wrong (the API words them in English); anything else keeps the server's text.
 */
export function reviewIssueMessage(t: TFunction, name: NamePath, serverMessage: string): string {
  const field = [...name].reverse().find((part) => typeof part === "string");
  switch (field) {
    case "personId":
      return t("reviews.form.personInvalid");
    case "departmentId":
      return t("reviews.form.departmentInvalid");
    case "dueDate":
      return t("reviews.form.dueBeforeMeeting");
    case "attendeePersonIds":
      return t("reviews.form.attendeeInvalid");
    case "projectId":
      return t("reviews.form.projectInvalid");
    case "heldOn":
      return /before/i.test(serverMessage) ? t("reviews.form.heldOnAfterActions") : t("reviews.form.heldOnFuture");
    default:
      return serverMessage;
  }
}
