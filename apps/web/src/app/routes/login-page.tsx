import type { Role } from "@resettle/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { CHANGE_PASSWORD_PATH, LoginForm } from "../../features/auth";
import { safeNextPath } from "../../lib/session-token";
import { useDocumentTitle } from "../../lib/use-document-title";
import { BrandMark } from "../layout/brand-mark";
import { LanguageSwitch } from "../layout/language-switch";

const HOME_BY_ROLE: Partial<Record<Role, string>> = { coordinator: "/my-work", working_group: "/problem-queue" };

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t("auth.login.title"));

  // Whoever arrives here (signed out, session expired) starts from an empty cache: nothing
  // read under the previous session may show under the next.
  useEffect(() => queryClient.clear(), [queryClient]);

  const next = safeNextPath(params.get("next"));
  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <div className="login-brand">
          <BrandMark />
          <span>{t("app.name")}</span>
        </div>
        <h1 className="login-title">{t("auth.login.title")}</h1>
        <LoginForm
          // A coordinator's day starts with the department's work, the working group's with the
          // projects awaiting review; everyone else's with the overview.
          onSignedIn={(user) =>
            void navigate(
              // A password an administrator chose is changed first (the session guard keeps the user there).
              user.mustChangePassword ? CHANGE_PASSWORD_PATH : next === "/" ? (HOME_BY_ROLE[user.role] ?? "/") : next,
              { replace: true },
            )
          }
        />
      </main>
    </div>
  );
}
