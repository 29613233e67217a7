import type { PasswordReset, User } from "@resettle/domain";
import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { applyFieldErrors } from "../../../lib/form-errors";
import { newPasswordRules, passwordIssueMessage } from "../../../lib/form-rules";
import { useResetUserPassword } from "../api/use-save-user";
import { actionErrorMessage } from "../../../lib/error-message";

type Props = { user: User; onClose: () => void };

export function ResetPasswordModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordReset>();
  const reset = useResetUserPassword();

  const submit = (body: PasswordReset) =>
    reset.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          void message.success(t("admin.users.resetPassword.done", { name: user.displayName }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, t, (issue) => passwordIssueMessage(t, issue)))
            void message.error(actionErrorMessage(t, error));
        },
      },
    );

  return (
    <FormModal<PasswordReset>
      name="reset-password-form"
      title={t("admin.users.resetPassword.title", { name: user.displayName })}
      form={form}
      saving={reset.isPending}
      okText={t("admin.users.resetPassword.submit")}
      onSubmit={submit}
      onCancel={onClose}
    >
      <p>{t("admin.users.resetPassword.description", { username: user.username })}</p>
      <Form.Item
        label={t("admin.users.resetPassword.password")}
        name="password"
        rules={newPasswordRules(t)}
        extra={t("auth.password.hint")}
      >
        <Input.Password autoFocus autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
