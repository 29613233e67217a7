import type { Capability } from "@resettle/domain";
import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { lazyWithAllTexts } from "../lib/i18n/page-texts";
import { PageLoading } from "./layout/page-loading";
import { RequireCapability } from "./layout/require-capability";
import { RequireSession } from "./layout/require-session";

// Every page is its own chunk, and so is the signed-in frame around them (header, menu,
// notifications): the login page loads neither (issue 13, docs/performance.md). The frame and the
// dashboard bring their own texts; every other page fetches all the Chinese texts beside its chunk
// (lib/i18n/page-texts.tsx).
// So is the page of what went wrong (a crash), with Ant Design's Result and its illustrations.
const RouteErrorPage = lazy(() =>
  import("./layout/route-error-page").then((module) => ({ default: module.RouteErrorPage })),
);
const AppLayout = lazy(() => import("./layout/app-layout").then((module) => ({ default: module.AppLayout })));
const LoginPage = lazy(() => import("./routes/login-page"));
const DashboardPage = lazy(() => import("./routes/dashboard/dashboard-page"));
const ProjectsPage = lazyWithAllTexts(() => import("./routes/projects-page"));
const ProjectPage = lazyWithAllTexts(() => import("./routes/project/project-page"));
const MyWorkPage = lazyWithAllTexts(() => import("./routes/my-work-page"));
const OverdueBoardPage = lazyWithAllTexts(() => import("./routes/overdue-board-page"));
const TicketsPage = lazyWithAllTexts(() => import("./routes/tickets-page"));
const NoticesPage = lazyWithAllTexts(() => import("./routes/notices-page"));
const NoticePage = lazyWithAllTexts(() => import("./routes/notice-page"));
const NoticePrintPage = lazyWithAllTexts(() => import("./routes/notice-print-page"));
const BriefingPage = lazyWithAllTexts(() => import("./routes/reports/briefing-page"));
const StocktakePage = lazyWithAllTexts(() => import("./routes/reports/stocktake-page"));
const NotificationsPage = lazyWithAllTexts(() => import("./routes/notifications-page"));
const ScorecardsPage = lazyWithAllTexts(() => import("./routes/scorecards-page"));
const HouseholdsPage = lazyWithAllTexts(() => import("./routes/households-page"));
const ChangePasswordPage = lazyWithAllTexts(() => import("./routes/change-password-page"));
const UsersPage = lazyWithAllTexts(() => import("./routes/admin/users-page"));
const DepartmentsPage = lazyWithAllTexts(() => import("./routes/admin/departments-page"));
const PersonsPage = lazyWithAllTexts(() => import("./routes/admin/persons-page"));
const CausesPage = lazyWithAllTexts(() => import("./routes/admin/causes-page"));
const WorkingGroupsPage = lazyWithAllTexts(() => import("./routes/admin/working-groups-page"));
const VerificationRulesPage = lazyWithAllTexts(() => import("./routes/admin/verification-rules-page"));
const ChannelsPage = lazyWithAllTexts(() => import("./routes/admin/channels-page"));
const PlanPage = lazyWithAllTexts(() => import("./routes/admin/plan-page"));
const CommonProblemsPage = lazyWithAllTexts(() => import("./routes/common-problems-page"));
const AuditPage = lazyWithAllTexts(() => import("./routes/audit-page"));
const ProblemQueuePage = lazyWithAllTexts(() => import("./routes/reviews/problem-queue-page"));
const ReviewNewPage = lazyWithAllTexts(() => import("./routes/reviews/review-new-page"));
const ReviewPage = lazyWithAllTexts(() => import("./routes/reviews/review-page"));
const ReviewsPage = lazyWithAllTexts(() => import("./routes/reviews/reviews-page"));
const NotFoundPage = lazyWithAllTexts(() => import("./routes/not-found-page"));

const routeError = (
  <Suspense fallback={<PageLoading />}>
    <RouteErrorPage />
  </Suspense>
);

const restricted = (path: string, capability: Capability, page: ReactNode) => ({
  path,
  element: <RequireCapability capability={capability} />,
  children: [{ index: true, element: page }],
});

/**
 * The login page stands alone; every other page needs a session and shares the header and
 * navigation. Pages for some roles only answer 403 to the others.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      path: "login",
      errorElement: routeError,
      element: (
        <Suspense fallback={<PageLoading />}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      element: <RequireSession />,
      errorElement: routeError,
      children: [
        {
          element: (
            <Suspense fallback={<PageLoading />}>
              <AppLayout />
            </Suspense>
          ),
          children: [
            { index: true, element: <DashboardPage /> },
            { path: "projects", element: <ProjectsPage /> },
            { path: "projects/:id", element: <ProjectPage /> },
            { path: "my-work", element: <MyWorkPage /> },
            { path: "overdue-board", element: <OverdueBoardPage /> },
            { path: "households", element: <HouseholdsPage /> },
            { path: "tickets", element: <TicketsPage /> },
            { path: "notices", element: <NoticesPage /> },
            { path: "notices/:id", element: <NoticePage /> },
            { path: "notices/:id/print", element: <NoticePrintPage /> },
            { path: "reports/briefing", element: <BriefingPage /> },
            { path: "reports/stocktake", element: <StocktakePage /> },
            { path: "notifications", element: <NotificationsPage /> },
            { path: "scorecards", element: <ScorecardsPage /> },
            { path: "problem-queue", element: <ProblemQueuePage /> },
            { path: "reviews", element: <ReviewsPage /> },
            restricted("reviews/new", "reviews.record", <ReviewNewPage />),
            { path: "reviews/:id", element: <ReviewPage /> },
            { path: "account/password", element: <ChangePasswordPage /> },
            restricted("admin/users", "accounts.manage", <UsersPage />),
            restricted("admin/departments", "organisation.manage", <DepartmentsPage />),
            restricted("admin/persons", "organisation.manage", <PersonsPage />),
            restricted("admin/causes", "causes.manage", <CausesPage />),
            restricted("admin/working-groups", "groups.manage", <WorkingGroupsPage />),
            restricted("admin/verification-rules", "work.verify", <VerificationRulesPage />),
            restricted("admin/channels", "channels.manage", <ChannelsPage />),
            restricted("admin/plan", "plan.import", <PlanPage />),
            { path: "common-problems", element: <CommonProblemsPage /> },
            restricted("audit", "audit.read", <AuditPage />),
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
