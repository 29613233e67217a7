import { z } from "zod";
import {
  AuditEventSchema,
  PageQuerySchema,
  IdSchema,
  pageOf,
  ProjectDetailSchema,
  ProjectListQuerySchema,
  ProjectSummarySchema,
  HEALTH_WORDS,
  PROBLEM_CATEGORY_WORDS,
  PROJECT_STATUS_WORDS,
} from "@resettle/domain";
import type { HealthLevel } from "@resettle/domain";
import { changeCache } from "../../lib/change-cache.js";
import { contextOf } from "../../lib/context.js";
import { listExportRoute } from "../../lib/list-export.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { getProject, listProjects, projectHistory, type KeptHealthLevels } from "./projects.service.js";
import { assessProjectLevels } from "./project-health.js";
import { errors } from "../../lib/route-schemas.js";

export async function projectRoutes(app: App, deps: ModuleDeps) {
  // Every project's level, kept until the next change or day like the dashboard: the list shows
  // it on each row and sorts and filters by it, which took assessing every filtered project
  // (a province's 10,000) on every request. Two versions at most: a new one makes the old useless.
  const kept = changeCache<Map<string, HealthLevel>>(deps.prisma, 2);
  const keptLevels: KeptHealthLevels = (today) => kept(today, () => assessProjectLevels(deps.prisma, today));
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
    (request) => listProjects(contextOf(request, deps), request.query, keptLevels),
  );
  listExportRoute(app, deps, {
    url: "/api/projects/export",
    access: "read",
    tags: ["projects"],
    querystring: ProjectListQuerySchema,
    title: "项目台账",
    list: (ctx, query) => listProjects(ctx, query, keptLevels),
    columns: [
      { header: "序号", width: 6, value: (p) => p.sequence },
      { header: "项目名称", width: 24, value: (p) => p.name },
      { header: "所属县区", value: (p) => p.district.name },
      { header: "总户数", value: (p) => p.totalHouseholds },
      { header: "已回迁户数", value: (p) => p.movedBack },
      { header: "推进状态", value: (p) => PROJECT_STATUS_WORDS[p.status] },
      { header: "项目状态", value: (p) => HEALTH_WORDS[p.healthLevel] },
      { header: "问题类型", value: (p) => PROBLEM_CATEGORY_WORDS[p.problemCategory] },
      { header: "责任单位", width: 18, value: (p) => p.responsibleDepartment?.name ?? "" },
      { header: "责任人", value: (p) => p.responsiblePerson?.name ?? "" },
    ],
  });
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
