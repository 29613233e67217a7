import { Layout } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotificationBell } from "../../features/alerts";
import { BrandMark } from "./brand-mark";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

/** Brand, language, the notification bell and the user's menu; the pages are in the side menu (ADR 011). */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header className="app-header">
      {/* Named even when a narrow window hides the brand's text (Lighthouse: link-name). */}
      <Link to="/" className="app-brand" aria-label={t("app.name")}>
        <BrandMark />
        <span title={t("app.name")}>{t("app.headerName")}</span>
      </Link>
      <span className="app-header-spacer" />
      <LanguageSwitch />
      <NotificationBell />
      <UserMenu />
    </Layout.Header>
  );
}
