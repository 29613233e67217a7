import { CodeSchema, NewPasswordSchema, UsernameSchema } from "@resettle/domain";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";
import type { z } from "zod";

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

/** The server's password issues, in words: the schema says them in English. */
export function passwordIssueMessage(t: TFunction, serverMessage: string): string {
  if (/demo/i.test(serverMessage)) return t("validation.passwordDemo");
  if (/letters|digits/i.test(serverMessage)) return t("validation.passwordLettersDigits");
  if (/10|too_small|least/i.test(serverMessage)) return t("validation.passwordLength");
  return serverMessage;
}

export const newPasswordRules = (t: TFunction): Rule[] => [
  requiredRule(t),
  schemaRule(NewPasswordSchema, (issue) => passwordIssueMessage(t, issue.message ?? "")),
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

export const maxLengthRule = (t: TFunction, max: number): Rule => ({
  max,
  message: t("validation.maxLength", { max }),
});
