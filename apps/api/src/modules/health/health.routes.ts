import { ErrorResponseSchema, HealthSchema } from "@resettle/domain";
import type { App, ModuleDeps } from "../../lib/types.js";

const PROBE_TIMEOUT_MS = 2000;

export async function healthRoutes(app: App, { prisma }: ModuleDeps) {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness and database reachability",
        response: { 200: HealthSchema, 503: HealthSchema, 500: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const reachable = await Promise.race([
        prisma.$queryRaw`SELECT 1`.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref()),
      ]).catch((error: unknown) => {
        request.log.warn({ err: error }, "database unreachable");
        return false;
      });
      if (reachable) return { status: "ok" as const, database: "ok" as const };
      return reply.status(503).send({ status: "degraded", database: "unreachable" });
    },
  );
}
