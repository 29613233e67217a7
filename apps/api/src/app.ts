import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyServerOptions } from "fastify";
import multipart from "@fastify/multipart";
import { EVIDENCE_MAX_MB_DEFAULT } from "@resettle/domain";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { PrismaClient } from "@resettle/prisma/client";
import { BODY_LIMIT } from "./lib/body-limits.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { newRequestId } from "./lib/request-id.js";
import type { ModuleDeps } from "./lib/types.js";
import { filesystemStore, type FileStore } from "./lib/file-store.js";
import { authPlugin, defaultSessionSettings, type SessionSettings } from "./plugins/auth.js";
import { compressionPlugin } from "./plugins/compression.js";
import { answerFrameworkError, errorHandlerPlugin } from "./plugins/error-handler.js";
import { defaultIdempotencySettings, idempotencyPlugin, type IdempotencySettings } from "./plugins/idempotency.js";
import { inputGuardPlugin } from "./plugins/input-guard.js";
import { openApiPlugin } from "./plugins/openapi.js";
import { securityPlugin } from "./plugins/security.js";
import { webPlugin } from "./plugins/web.js";
import { dashboardRoutes } from "./modules/dashboard/index.js";
import { healthRoutes } from "./modules/health/index.js";
import { projectRoutes } from "./modules/projects/index.js";
import { auditRoutes } from "./modules/audit/index.js";
import { authRoutes } from "./modules/auth/index.js";
import { cooperationRoutes, responsibilityRoutes } from "./modules/responsibility/index.js";
import { userRoutes } from "./modules/users/index.js";
import { workRoutes } from "./modules/work/index.js";
import { householdImportRoutes, householdRoutes } from "./modules/households/index.js";
import { ticketRoutes } from "./modules/tickets/index.js";
import { subsidyRoutes } from "./modules/subsidy/index.js";
import { organisationRoutes } from "./modules/organisation/index.js";
import { problemRoutes } from "./modules/problems/index.js";
import { reviewRoutes } from "./modules/reviews/index.js";
import { noticeCooperationRoutes, noticeRoutes } from "./modules/supervision/index.js";
import { alertRoutes } from "./modules/alerts/index.js";
import { reportRoutes } from "./modules/reports/index.js";
import { scorecardRoutes } from "./modules/scorecards/index.js";
import { planRoutes } from "./modules/plans/index.js";
import { channelRoutes, networkTransports, type Transports } from "./modules/channels/index.js";

export type AppOptions = {
  prisma: PrismaClient;
  clock?: Clock;
  logger?: FastifyServerOptions["logger"];
  /** The built SPA to serve beside the API; null serves the API alone. */
  webRoot?: string | null;
  sessions?: SessionSettings;
  trustProxy?: boolean;
  /** Tests only: see ModuleDeps.signInHooks. */
  signInHooks?: ModuleDeps["signInHooks"];
  idempotency?: IdempotencySettings;
  /**
   * Evidence files (证明材料): where their bytes go and the largest accepted. By default a
   * directory under the system's temporary directory (the server passes its own).
   */
  evidence?: { store: FileStore; maxBytes: number };
  /** How alerts reach their channels: the network by default (tests point channels at local receivers). */
  channels?: Transports;
};

/** Builds the whole application without listening: tests call inject() on it. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Our own id for every request; a client's X-Request-Id is only kept beside it (lib/request-id.ts).
    genReqId: newRequestId,
    // A URL no route can take (a bad %-escape, an over-long id): answered in the standard shape too.
    frameworkErrors: answerFrameworkError,
    // JSON bodies are small; the few routes that need more say so (lib/body-limits.ts).
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Closing (SIGTERM: server.ts), the answers still being made end their keep-alive connection:
  // else each stays open, idle, for keep-alive's 72 s, and so does close() waiting for it.
  let closing = false;
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });
  app.addHook("onSend", async (request, reply) => {
    if (closing) reply.header("connection", "close");
    reply.header("x-request-id", request.id);
    // API answers are per user and per moment (/api/auth/me carries the CSRF token): never cached.
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  const deps: ModuleDeps = {
    prisma: options.prisma,
    clock: options.clock ?? systemClock,
    sessions: options.sessions ?? defaultSessionSettings,
    evidence: options.evidence ?? {
      store: filesystemStore(path.join(os.tmpdir(), "resettle-evidence")),
      maxBytes: EVIDENCE_MAX_MB_DEFAULT * 1024 * 1024,
    },
    channels: options.channels ?? networkTransports(),
    ...(options.signInHooks ? { signInHooks: options.signInHooks } : {}),
  };
  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin);
  await app.register(inputGuardPlugin);
  await app.register(authPlugin, { prisma: deps.prisma, clock: deps.clock, settings: deps.sessions });
  await app.register(idempotencyPlugin, {
    prisma: deps.prisma,
    clock: deps.clock,
    settings: options.idempotency ?? defaultIdempotencySettings,
  });
  // Uploads (evidence, registry imports): one file per request, no larger than the limit (each
  // route may set its own, and checks again while reading it).
  await app.register(multipart, {
    limits: { fileSize: deps.evidence.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  await app.register(openApiPlugin);
  await app.register(webPlugin, { root: options.webRoot ?? null });
  // It hooks the routes added after it: the API's, not the SPA's files (compressed at build time).
  await app.register(compressionPlugin);

  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await dashboardRoutes(app, deps);
  await projectRoutes(app, deps);
  await organisationRoutes(app, deps);
  await userRoutes(app, deps);
  await responsibilityRoutes(app, deps);
  await cooperationRoutes(app, deps);
  await auditRoutes(app, deps);
  await workRoutes(app, deps);
  await householdRoutes(app, deps);
  await householdImportRoutes(app, deps);
  await ticketRoutes(app, deps);
  await subsidyRoutes(app, deps);
  await problemRoutes(app, deps);
  await reviewRoutes(app, deps);
  await noticeRoutes(app, deps);
  await noticeCooperationRoutes(app, deps);
  await alertRoutes(app, deps);
  await reportRoutes(app, deps);
  await scorecardRoutes(app, deps);
  await planRoutes(app, deps);
  await channelRoutes(app, deps);
  return app;
}
