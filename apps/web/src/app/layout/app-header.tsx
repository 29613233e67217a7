import { Layout } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header className="app-header">
      <Link to="/" className="app-brand">
        <svg className="app-brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="6" fill="#1f5fbf" />
          <path d="M7 16 16 8l9 8v9h-6v-6h-6v6H7z" fill="#fff" />
        </svg>
        <span>{t("app.name")}</span>
      </Link>
      <MainNav />
      <LanguageSwitch />
    </Layout.Header>
  );
}
