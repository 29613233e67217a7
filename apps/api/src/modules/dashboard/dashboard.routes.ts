import { DashboardSchema, ErrorResponseSchema, type Dashboard } from "@resettle/domain";
import { changeCache } from "../../lib/change-cache.js";
import { todayInChina } from "../../lib/clock.js";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { getDashboard } from "./dashboard.service.js";

export async function dashboardRoutes(app: App, deps: ModuleDeps) {
  // The same for every reader, and read far more often than the data changes: computed again
  // only after a change (or on a new day). A province's 10,000 projects took over a second.
  // Kept as the JSON sent (checked against the schema once, when computed): 134 kB of it for a
  // province, which took longer to serialise again than to read the kept count.
  const cached = changeCache<string>(deps.prisma);
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
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const json = await cached(todayInChina(ctx.clock), async () =>
        JSON.stringify(DashboardSchema.parse(await getDashboard(ctx))),
      );
      // A string with a JSON type goes out as it is: Fastify serialises only objects.
      return reply.type("application/json; charset=utf-8").send(json as unknown as Dashboard);
    },
  );
}
