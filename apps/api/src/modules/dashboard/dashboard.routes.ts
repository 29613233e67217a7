import { DashboardSchema, ErrorResponseSchema } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { getDashboard } from "./dashboard.service.js";

export async function dashboardRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/dashboard",
    {
      config: { access: "read" },
      schema: {
        tags: ["dashboard"],
        summary: "The plan against actuals, city-wide and per district (floors 30/60/100 %)",
        response: {
          200: DashboardSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          500: ErrorResponseSchema,
        },
      },
    },
    (request) => getDashboard(contextOf(request, deps)),
  );
}
