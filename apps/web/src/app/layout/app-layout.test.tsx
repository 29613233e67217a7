import type { SessionUser } from "@resettle/domain";
import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import antdZhCN from "antd/locale/zh_CN";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import { SessionContext } from "../../features/auth";
import firstLoadTexts from "../../lib/i18n/first-load-texts";
import { createI18n, provideLanguage } from "../../lib/i18n/i18n";
import { panjinDashboard } from "../../test/dashboard.fixture";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { createTestQueryClient } from "../../test/render-with-providers";
import DashboardPage from "../routes/dashboard/dashboard-page";
import { AppLayout } from "./app-layout";

afterEach(() => vi.unstubAllGlobals());

const admin: SessionUser = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  displayName: "管理员",
  mustChangePassword: false,
  username: "admin",
  role: "admin",
  departmentId: null,
};

const unreadNotification = {
  id: "2c8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  rule: "ticket_overdue",
  title: "某工单超期",
  link: "/tickets",
  createdAt: new Date().toISOString(),
  readAt: null,
};

// The app starts with the first load's Chinese texts only (lib/i18n/first-load-texts.ts); the frame
// and the dashboard add their own (frame-texts.ts, dashboard-texts.ts), all the others come with the
// other pages (issue 13). The test setup hands every component all the texts: not here.
describe("the signed-in frame and the dashboard, with the texts they bring", () => {
  it("ask for no text they do not have", async () => {
    provideLanguage("zh-CN", { translation: structuredClone(firstLoadTexts), antd: antdZhCN });
    stubFetchByUrl([
      [/\/api\/dashboard$/, { status: 200, body: panjinDashboard }],
      [
        /\/api\/notifications/,
        { status: 200, body: { items: [unreadNotification], total: 1, unread: 1, page: 1, pageSize: 5 } },
      ],
      [
        /\/api\/my-work/,
        {
          status: 200,
          body: {
            departmentId: null,
            asOf: "2026-11-25",
            overdueCount: 3,
            dueSoonCount: 0,
            entries: [],
            reviewsToSign: [],
            awaitingVerification: [],
            cooperating: [],
          },
        },
      ],
      [/\/api\/projects/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 100 } }],
    ]);
    const i18n = createI18n("zh-CN");
    const missing: string[] = [];
    i18n.options.saveMissing = true;
    i18n.options.missingKeyHandler = (_languages, _namespace, key) => missing.push(key);
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={createTestQueryClient()}>
          <SessionContext value={admin}>
            <RouterProvider
              router={createMemoryRouter([
                { element: <AppLayout />, children: [{ index: true, element: <DashboardPage /> }] },
              ])}
            />
          </SessionContext>
        </QueryClientProvider>
      </I18nextProvider>,
    );
    await screen.findByRole("table", { name: "各年度计划回迁户数、累计计划与实际累计完成情况" });
    expect(screen.getByRole("navigation", { name: "主导航" }).textContent).toContain("操作日志");
    await screen.findByRole("button", { name: "通知，1 条未读" });
    expect(missing).toEqual([]);
  });
});
