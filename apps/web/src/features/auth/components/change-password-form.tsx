import type { ChangePasswordRequest } from "@resettle/domain";
import { App, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../../lib/form-errors";
import { newPasswordRules, passwordIssueMessage, requiredRule } from "../../../lib/form-rules";
import { useChangePassword } from "../api/use-change-password";
import { actionErrorMessage } from "../../../lib/error-message";

type Values = ChangePasswordRequest & { confirmPassword: string };

/** `onChanged` runs once the new password is saved (the forced change then leaves the page). */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t("auth.password.saved"));
          onChanged?.();
        },
        onError: (error) => {
          const placed = applyFieldErrors(form, error, t, (issue) =>
            issue.reason === "wrong_password" ? t("auth.password.currentWrong") : passwordIssueMessage(t, issue),
          );
          if (!placed) void message.error(actionErrorMessage(t, error));
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      className="narrow-form"
      aria-label={t("auth.password.title")}
    >
      <Form.Item label={t("auth.password.current")} name="currentPassword" rules={[requiredRule(t)]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t("auth.password.new")}
        name="newPassword"
        extra={t("auth.password.hint")}
        rules={newPasswordRules(t)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t("auth.password.confirm")}
        name="confirmPassword"
        dependencies={["newPassword"]}
        rules={[
          requiredRule(t),
          ({ getFieldValue }) => ({
            validator: async (_, value: string) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error(t("auth.password.mismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t("auth.password.submit")}
        </Button>
      </Form.Item>
    </Form>
  );
}
