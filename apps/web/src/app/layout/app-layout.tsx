import { Layout } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, ScrollRestoration } from "react-router";
import { DemoDataBanner } from "../../features/dashboard";
import { AppHeader } from "./app-header";
import { PageLoading } from "./page-loading";

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <AppHeader />
      <DemoDataBanner />
      <main id="main" tabIndex={-1} className="app-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <ScrollRestoration />
    </Layout>
  );
}
