import { z } from "zod";
import {
  CauseCreateSchema,
  CauseSchema,
  CauseUpdateSchema,
  CommonProblemCreateSchema,
  CommonProblemListQuerySchema,
  CommonProblemSchema,
  CommonProblemUpdateSchema,
  pageOf,
  percentOf,
  ProjectProblemSchema,
  ProjectProblemUpdateSchema,
  WORK_STATUS_WORDS,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { listExportRoute } from "../../lib/list-export.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { createCause, listCauses, updateCause } from "./causes.service.js";
import {
  createCommonProblem,
  getCommonProblem,
  listCommonProblems,
  updateCommonProblem,
} from "./common-problems.service.js";
import { updateProjectProblem } from "./project-problem.service.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";

const tags = ["problems"];
const sum = (projects: { movedBack: number; totalHouseholds: number }[], key: "movedBack" | "totalHouseholds") =>
  projects.reduce((total, p) => total + p[key], 0);

/** Problems (问题分类): the cause taxonomy, projects' problem profiles and the common problems (共性问题). */
export async function problemRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/causes",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "The cause taxonomy (问题成因), retired causes included, by sort order then name",
        response: { 200: z.array(CauseSchema), ...errors },
      },
    },
    (request) => listCauses(contextOf(request, deps)),
  );
  app.post(
    "/api/causes",
    {
      config: { access: "causes.manage" },
      schema: {
        tags,
        summary: "Add a cause (office); a code already taken is 400 on body.code",
        body: CauseCreateSchema,
        response: { 201: CauseSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCause(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/causes/:id",
    {
      config: { access: "causes.manage" },
      schema: {
        tags,
        summary: "Rename, reorder, retire or reinstate a cause (office); 409 on a stale version",
        params: byId,
        body: CauseUpdateSchema,
        response: { 200: CauseSchema, ...writeErrors },
      },
    },
    (request) => updateCause(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );

  app.patch(
    "/api/projects/:id/problem",
    {
      config: { access: "problems.manage" },
      schema: {
        tags,
        summary:
          "Classify a project's problem: category, causes (the whole set), statement; uses the project's version (409 when stale)",
        params: byId,
        body: ProjectProblemUpdateSchema,
        response: { 200: ProjectProblemSchema, ...writeErrors },
      },
    },
    (request) =>
      updateProjectProblem(contextOf(request, deps), { projectId: request.params.id, changes: request.body }),
  );

  app.get(
    "/api/common-problems",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Common problems (共性问题), newest first; by district, linked project or status",
        querystring: CommonProblemListQuerySchema,
        response: { 200: pageOf(CommonProblemSchema), ...errors },
      },
    },
    (request) => listCommonProblems(contextOf(request, deps), request.query),
  );
  listExportRoute(app, deps, {
    url: "/api/common-problems/export",
    access: "read",
    tags,
    querystring: CommonProblemListQuerySchema,
    title: "共性问题",
    list: listCommonProblems,
    columns: [
      { header: "问题", width: 28, value: (p) => p.title },
      { header: "所属区", value: (p) => p.district?.name ?? "全市" },
      { header: "责任部门", width: 18, value: (p) => p.responsibleDepartment?.name ?? "未指定" },
      { header: "办理状态", value: (p) => WORK_STATUS_WORDS[p.status] },
      { header: "受阻原因", width: 24, value: (p) => p.blockedReason ?? "" },
      { header: "涉及项目", width: 36, value: (p) => p.projects.map((x) => x.name).join("、") },
      { header: "已回迁户数", value: (p) => sum(p.projects, "movedBack") },
      { header: "总户数", value: (p) => sum(p.projects, "totalHouseholds") },
      {
        header: "合计回迁进度",
        value: (p) => `${percentOf(sum(p.projects, "movedBack"), sum(p.projects, "totalHouseholds"))}%`,
      },
    ],
  });
  app.get(
    "/api/common-problems/:id",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "One common problem with its linked projects' figures",
        params: byId,
        response: { 200: CommonProblemSchema, ...errors },
      },
    },
    (request) => getCommonProblem(contextOf(request, deps), request.params),
  );
  app.post(
    "/api/common-problems",
    {
      config: { access: "problems.manage" },
      schema: {
        tags,
        summary: "Record a common problem shared by several projects (office and working group)",
        body: CommonProblemCreateSchema,
        response: { 201: CommonProblemSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCommonProblem(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/common-problems/:id",
    {
      config: { access: "work.update" },
      schema: {
        tags,
        summary:
          "Change a common problem (office and working group) or move its status (also the responsible department's coordinator); 409 on a stale version",
        params: byId,
        body: CommonProblemUpdateSchema,
        response: { 200: CommonProblemSchema, ...writeErrors },
      },
    },
    (request) => updateCommonProblem(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );
}
