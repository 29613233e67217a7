import type { LoginRequest, SessionUser } from "@resettle/domain";
import { Alert, Button, Form, Input, type InputRef } from "antd";
import type { TFunction } from "i18next";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-error";
import { requiredRule } from "../../../lib/form-rules";
import { useLogin } from "../api/use-login";

type Props = { onSignedIn: (user: SessionUser) => void };

function loginErrorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t("errors.UNKNOWN");
  if (error.status === 401) return t("auth.login.invalid");
  if (error.code === "RATE_LIMITED") {
    if (!error.retryAfter) return t("auth.login.rateLimitedLater");
    // The wait grows from a second to minutes: say it in the unit that reads naturally.
    const wait =
      error.retryAfter < 60
        ? t("auth.login.waitSeconds", { count: Math.ceil(error.retryAfter) })
        : t("auth.login.waitMinutes", { count: Math.ceil(error.retryAfter / 60) });
    return t("auth.login.rateLimited", { wait });
  }
  return t(`errors.${error.code}`);
}

export function LoginForm({ onSignedIn }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginRequest>();
  const login = useLogin();
  const passwordRef = useRef<InputRef>(null);

  const submit = (values: LoginRequest) => {
    login.mutate(values, {
      onSuccess: ({ user }) => onSignedIn(user),
      // The username stays as typed; the password is asked for again.
      onError: () => {
        form.setFieldValue("password", "");
        passwordRef.current?.focus();
      },
    });
  };

  return (
    <Form<LoginRequest>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      aria-label={t("auth.login.title")}
    >
      <Form.Item
        label={t("auth.login.username")}
        name="username"
        rules={[requiredRule(t, t("auth.login.usernameRequired"))]}
      >
        <Input autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} size="large" />
      </Form.Item>
      <Form.Item
        label={t("auth.login.password")}
        name="password"
        rules={[{ required: true, message: t("auth.login.passwordRequired") }]}
      >
        <Input.Password ref={passwordRef} autoComplete="current-password" size="large" />
      </Form.Item>
      {login.isError && (
        <Alert className="login-error" type="error" showIcon title={loginErrorMessage(t, login.error)} />
      )}
      <Form.Item className="login-submit">
        <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
          {t("auth.login.submit")}
        </Button>
      </Form.Item>
    </Form>
  );
}
