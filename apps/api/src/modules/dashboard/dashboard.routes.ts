import { DashboardSchema, ErrorResponseSchema } from "@resettle/domain";
import { changeCache } from "../../lib/change-cache.js";
import { todayInChina } from "../../lib/clock.js";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { getDashboard } from "./dashboard.service.js";

export async function dashboardRoutes(app: App, deps: ModuleDeps) {
  // The same for every reader, and read far more often than the data changes: computed again
  // only after a change (or on a new day). A province's 10,000 projects took over a second.
  const cached = changeCache<Awaited<ReturnType<typeof getDashboard>>>(deps.prisma);
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
    (request) => {
      const ctx = contextOf(request, deps);
      return cached(todayInChina(ctx.clock), () => getDashboard(ctx));
    },
  );
}
