import { z } from "zod";
import {
  AuditEventSchema,
  PageQuerySchema,
  IdSchema,
  pageOf,
  ProjectDetailSchema,
  ProjectListQuerySchema,
  ProjectSummarySchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { getProject, listProjects, projectHistory } from "./projects.service.js";
import { errors } from "../../lib/route-schemas.js";

export async function projectRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/projects",
    {
      config: { access: "read" },
      schema: {
        tags: ["projects"],
        summary: "Projects (项目台账): filter, sort, paginate",
        querystring: ProjectListQuerySchema,
        response: { 200: pageOf(ProjectSummarySchema), ...errors },
      },
    },
    (request) => listProjects(contextOf(request, deps), request.query),
  );
  app.get(
    "/api/projects/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["projects"],
        summary: "One project with its year targets, milestones and responsibility",
        params: z.object({ id: IdSchema }),
        response: { 200: ProjectDetailSchema, ...errors },
      },
    },
    (request) => getProject(contextOf(request, deps), request.params),
  );
  app.get(
    "/api/projects/:id/history",
    {
      config: { access: "read" },
      schema: {
        tags: ["projects"],
        summary: "The project's change history: its own, its milestones', items' and ledger's changes, newest first",
        params: z.object({ id: IdSchema }),
        querystring: PageQuerySchema,
        response: { 200: pageOf(AuditEventSchema), ...errors },
      },
    },
    (request) => projectHistory(contextOf(request, deps), { ...request.query, projectId: request.params.id }),
  );
}
