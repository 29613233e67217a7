import { App as AntdApp, Layout } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, ScrollRestoration } from "react-router";
import { DemoDataBanner } from "../../features/dashboard";
import { useTexts } from "../../lib/i18n/page-texts";
import { AppHeader } from "./app-header";
import frameTexts from "./frame-texts";
import { PageLoading } from "./page-loading";
import { SideNav } from "./side-nav";

/**
 * Header across the top, the side menu on the left, the page beside it (ADR 011). antd's App (the
 * message, notification and modal hooks the pages call) starts here: the login page needs none.
 */
export function AppLayout() {
  useTexts(frameTexts);
  const { t } = useTranslation();
  return (
    <AntdApp component={false}>
      <Layout className="app-layout">
        <a href="#main" className="skip-link">
          {t("app.skipToContent")}
        </a>
        <AppHeader />
        <Layout className="app-body" hasSider>
          <SideNav />
          <Layout className="app-content">
            <DemoDataBanner />
            <main id="main" tabIndex={-1} className="app-main">
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </main>
          </Layout>
        </Layout>
        <ScrollRestoration />
      </Layout>
    </AntdApp>
  );
}
