import type { LoginRequest, SessionUser } from "@resettle/domain";
import { Alert, Button, Input, type InputRef } from "antd";
import type { TFunction } from "i18next";
import { useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-error";
import { useLogin } from "../api/use-login";

type Props = { onSignedIn: (user: SessionUser) => void };
type Field = keyof LoginRequest;

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

/** What is missing, by field: both are required; a username of spaces is none. */
function missingFields(t: TFunction, values: LoginRequest): Partial<Record<Field, string>> {
  return {
    ...(values.username.trim() === "" && { username: t("auth.login.usernameRequired") }),
    ...(values.password === "" && { password: t("auth.login.passwordRequired") }),
  };
}

/**
 * Two fields and a button, in a plain form rather than antd's Form: antd's Form, its validator
 * and its tooltip are 40 kB gzip, a sixth of the sign-in page's first load (issue 13,
 * docs/performance.md). It looks and reads as the app's other forms: a label above each field, what
 * is missing said under it (and announced) once the user has tried to send.
 */
export function LoginForm({ onSignedIn }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const login = useLogin();
  const [values, setValues] = useState<LoginRequest>({ username: "", password: "" });
  const [missing, setMissing] = useState<Partial<Record<Field, string>> | null>(null);
  // Set as the form is sent, in the same render as the click: the last attempt's error goes at once,
  // not when the mutation's state arrives a task later (a user, or a test, would read it as the answer).
  const [sending, setSending] = useState(false);
  const usernameRef = useRef<InputRef>(null);
  const passwordRef = useRef<InputRef>(null);

  const change = (field: Field, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, what is missing is said again as the user types.
    if (missing) setMissing(missingFields(t, next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = missingFields(t, values);
    setMissing(found);
    if (found.username) return usernameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    setSending(true);
    login.mutate(values, {
      onSettled: () => setSending(false),
      onSuccess: ({ user }) => onSignedIn(user),
      // The username stays as typed; the password is asked for again.
      onError: () => {
        setValues((current) => ({ ...current, password: "" }));
        passwordRef.current?.focus();
      },
    });
  };

  const field = (name: Field, label: string, control: (props: FieldProps) => ReactNode) => {
    const error = missing?.[name];
    const errorId = `${id}-${name}-error`;
    return (
      <div className="login-field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control({
          id: `${id}-${name}`,
          value: values[name],
          onChange: (event) => change(name, event.target.value),
          status: error ? "error" : undefined,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? errorId : undefined,
          size: "large",
        })}
        {error && (
          <div id={errorId} className="login-field-error" role="alert">
            {error}
          </div>
        )}
      </div>
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t("auth.login.title")}>
      {field("username", t("auth.login.username"), (props) => (
        <Input
          {...props}
          ref={usernameRef}
          autoFocus
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
      ))}
      {field("password", t("auth.login.password"), (props) => (
        <Input.Password {...props} ref={passwordRef} autoComplete="current-password" />
      ))}
      {login.isError && !sending && (
        <Alert className="login-error" type="error" showIcon title={loginErrorMessage(t, login.error)} />
      )}
      <div className="login-submit">
        <Button type="primary" htmlType="submit" size="large" block loading={sending || login.isPending}>
          {t("auth.login.submit")}
        </Button>
      </div>
    </form>
  );
}

type FieldProps = {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  status: "error" | undefined;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  size: "large";
};
