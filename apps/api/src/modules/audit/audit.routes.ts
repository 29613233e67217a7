import { z } from "zod";
import {
  AUDIT_ENTITY_TYPE_WORDS,
  AuditActorSchema,
  AuditEventSchema,
  AuditQuerySchema,
  pageOf,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { chinaDateTime, listExportRoute } from "../../lib/list-export.js";
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
  listExportRoute(app, deps, {
    url: "/api/audit-events/export",
    access: "audit.read",
    tags: ["audit"],
    querystring: AuditQuerySchema,
    title: "操作日志",
    list: listAuditEvents,
    columns: [
      { header: "时间", width: 17, value: (e) => chinaDateTime(e.at) },
      { header: "操作人", width: 14, value: (e) => e.actorName },
      { header: "操作", width: 16, value: (e) => e.action },
      { header: "对象类型", width: 14, value: (e) => AUDIT_ENTITY_TYPE_WORDS[e.entityType] },
      { header: "对象", width: 28, value: (e) => e.entityLabel ?? e.entityId },
      { header: "变更前", width: 40, value: (e) => (e.before ? JSON.stringify(e.before) : "") },
      { header: "变更后", width: 40, value: (e) => (e.after ? JSON.stringify(e.after) : "") },
      { header: "请求编号", width: 20, value: (e) => e.requestId ?? "" },
    ],
  });
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
