import { Layout } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BrandMark } from "./brand-mark";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header className="app-header">
      <Link to="/" className="app-brand">
        <BrandMark />
        <span title={t("app.name")}>{t("app.headerName")}</span>
      </Link>
      <MainNav />
      <LanguageSwitch />
      <UserMenu />
    </Layout.Header>
  );
}
