import { z } from "zod";
import { AuditActorSchema, AuditEventSchema, AuditQuerySchema, pageOf } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { listAuditActors, listAuditEvents } from "./audit.service.js";
import { errors } from "../../lib/route-schemas.js";

/** The audit trail, read-only: there is no route that changes it, and the database refuses too. */
export async function auditRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/audit-events",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Audit trail, newest first: filter by entity, actor and China-time days",
        querystring: AuditQuerySchema,
        response: { 200: pageOf(AuditEventSchema), ...errors },
      },
    },
    (request) => listAuditEvents(contextOf(request, deps), request.query),
  );
  app.get(
    "/api/audit-events/actors",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Accounts that appear in the audit trail, for its actor filter",
        response: { 200: z.array(AuditActorSchema), ...errors },
      },
    },
    (request) => listAuditActors(contextOf(request, deps)),
  );
}
