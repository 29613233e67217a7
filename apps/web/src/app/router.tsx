import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { AppLayout } from "./layout/app-layout";
import { RouteErrorPage } from "./layout/route-error-page";

const DashboardPage = lazy(() => import("./routes/dashboard-page"));
const ProjectsPage = lazy(() => import("./routes/projects-page"));
const ProjectPage = lazy(() => import("./routes/project-page"));
const NotFoundPage = lazy(() => import("./routes/not-found-page"));

/**
 * Pages inside the layout share the header and navigation. A login page will sit beside
 * the layout route, and the layout route will be wrapped by an auth guard.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: "projects", element: <ProjectsPage /> },
        { path: "projects/:id", element: <ProjectPage /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
