import { CodeSchema, NewPasswordSchema, reasonOfIssue, UsernameSchema, type FieldReason } from "@resettle/domain";
import type { Rule } from "antd/es/form";
import type { Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { fieldIssueMessage } from "./field-issue-message";
import { outsideWindow, type DateBounds } from "./plan-windows";

/**
 * Form rules that check with the domain's own schemas (the ones the server applies) and
 * say what is wrong in the interface language rather than in the schema's English.
 */
function schemaRule(schema: z.ZodType, message: (issue: z.core.$ZodIssue) => string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(message(parsed.error.issues[0]!));
    },
  };
}

export const requiredRule = (t: TFunction, message?: string): Rule => ({
  required: true,
  whitespace: true,
  message: message ?? t("validation.required"),
});

/** A new password's issues, by reason, whether the server's or the form's own check found them. */
export function passwordIssueMessage(t: TFunction, issue: { reason: FieldReason }): string | undefined {
  switch (issue.reason) {
    case "demo_password":
      return t("validation.passwordDemo");
    case "password_letters_digits":
      return t("validation.passwordLettersDigits");
    case "too_small":
      return t("validation.passwordLength");
    default:
      return undefined;
  }
}

export const newPasswordRules = (t: TFunction): Rule[] => [
  requiredRule(t),
  schemaRule(NewPasswordSchema, (issue) => {
    const found = reasonOfIssue(issue);
    return passwordIssueMessage(t, found) ?? fieldIssueMessage(t, found);
  }),
];

export const usernameRules = (t: TFunction): Rule[] => [
  requiredRule(t),
  schemaRule(UsernameSchema, () => t("validation.username")),
];

export const codeRules = (t: TFunction): Rule[] => [
  requiredRule(t),
  schemaRule(CodeSchema, () => t("validation.code")),
];

export const phoneRule = (t: TFunction): Rule => ({
  pattern: /^[0-9+\-() ]{5,20}$/,
  message: t("validation.phone"),
});

/**
 * A text field's limit (one of the domain's `TEXT_MAX`, the figure the server refuses beyond):
 * `count` for the Input or TextArea shows a counter that turns red past the limit but never cuts
 * what was typed or pasted (unlike `maxLength`), and `rule` refuses to send the form, saying why.
 *
 *     const reason = textLimit(t, TEXT_MAX.note);
 *     <Form.Item name="reason" rules={[requiredRule(t), reason.rule]}><Input.TextArea count={reason.count} /></Form.Item>
 */
export function textLimit(t: TFunction, max: number): { rule: Rule; count: { show: true; max: number } } {
  return { rule: { max, message: t("validation.maxLength", { max }) }, count: { show: true, max } };
}

/** Which dates a field takes, in words: 日期须在 2018-01-01 至 2026-12-02 之间. */
function dateBoundsMessage(t: TFunction, { minimum, maximum }: DateBounds): string {
  if (minimum && maximum) return t("validation.dateBetween", { minimum, maximum });
  return maximum ? t("validation.dateNotAfter", { maximum }) : t("validation.dateNotBefore", { minimum });
}

/**
 * A date field's bounds (a plan window, or up to today): refuses a date outside them, naming the
 * dates allowed. The field is a `BoundedDatePicker` with the same bounds, which hands a date
 * typed outside them to the form rather than dropping it.
 *
 *     <Form.Item name="on" rules={[{ required: true, message }, dateBoundsRule(t, window)]}><BoundedDatePicker bounds={window} /></Form.Item>
 */
export const dateBoundsRule = (t: TFunction, bounds: DateBounds | undefined): Rule => ({
  validator: async (_, value: Dayjs | null | undefined) => {
    if (value && bounds && outsideWindow(bounds)(value)) throw new Error(dateBoundsMessage(t, bounds));
  },
});
