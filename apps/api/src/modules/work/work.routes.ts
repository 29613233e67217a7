import { z } from "zod";
import {
  ItemCreateSchema,
  ItemSchema,
  ItemUpdateSchema,
  MilestoneCreateSchema,
  MilestoneSchema,
  MilestoneUpdateSchema,
  MyWorkSchema,
  PageQuerySchema,
  PlanWindowsSchema,
  ProgressDaySchema,
  ProgressLedgerPageSchema,
  ProgressReportCreateSchema,
  ProgressReportSchema,
  WithdrawSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { listExportRoute } from "../../lib/list-export.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { createItem, listItems, updateItem } from "./items.service.js";
import { createMilestone, listMilestones, updateMilestone } from "./milestones.service.js";
import { myWork } from "./my-work.service.js";
import { listProgressDays, listProgressReports, reportProgress } from "./progress.service.js";
import { readPlanWindows } from "../../lib/plan-window.js";
import { overdueBoardRoutes } from "./overdue-board.routes.js";
import { completionRoutes } from "./completion.routes.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import { withdrawItem, withdrawMilestone } from "./work-withdraw.js";

const tags = ["ledger"];

/** The rectification ledger (整改台账): milestones, items, households moved back, and each department's work. */
export async function workRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/projects/:id/milestones",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A project's timetable, by due date",
        params: byId,
        response: { 200: z.array(MilestoneSchema), ...errors },
      },
    },
    (request) => listMilestones(contextOf(request, deps), { projectId: request.params.id }),
  );
  app.post(
    "/api/projects/:id/milestones",
    {
      config: { access: "work.plan" },
      schema: {
        tags,
        summary: "Add a milestone (office and working group)",
        params: byId,
        body: MilestoneCreateSchema,
        response: { 201: MilestoneSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createMilestone(contextOf(request, deps), { projectId: request.params.id, milestone: request.body }),
        ),
  );
  app.patch(
    "/api/milestones/:id",
    {
      config: { access: "work.update" },
      schema: {
        tags,
        summary: "Move a milestone's status (its department's coordinator) or change its plan; 409 on a stale version",
        params: byId,
        body: MilestoneUpdateSchema,
        response: { 200: MilestoneSchema, ...writeErrors },
      },
    },
    (request) => updateMilestone(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );

  app.get(
    "/api/projects/:id/items",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A project's rectification items (整改事项), by due date",
        params: byId,
        response: { 200: z.array(ItemSchema), ...errors },
      },
    },
    (request) => listItems(contextOf(request, deps), { projectId: request.params.id }),
  );
  app.post(
    "/api/projects/:id/items",
    {
      config: { access: "work.plan" },
      schema: {
        tags,
        summary: "Add a rectification item (office and working group)",
        params: byId,
        body: ItemCreateSchema,
        response: { 201: ItemSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createItem(contextOf(request, deps), { projectId: request.params.id, item: request.body })),
  );
  app.patch(
    "/api/items/:id",
    {
      config: { access: "work.update" },
      schema: {
        tags,
        summary: "Move an item's status (its department's coordinator) or change it; 409 on a stale version",
        params: byId,
        body: ItemUpdateSchema,
        response: { 200: ItemSchema, ...writeErrors },
      },
    },
    (request) => updateItem(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );

  app.get(
    "/api/projects/:id/progress-reports",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A page of a project's moved-back ledger, newest first, with the count and sum of all entries",
        params: byId,
        querystring: PageQuerySchema,
        response: { 200: ProgressLedgerPageSchema, ...errors },
      },
    },
    (request) => listProgressReports(contextOf(request, deps), { projectId: request.params.id, ...request.query }),
  );
  listExportRoute(app, deps, {
    url: "/api/projects/:id/progress-reports/export",
    access: "read",
    tags,
    params: byId,
    querystring: PageQuerySchema,
    title: "回迁进度台账",
    fileTitle: async ({ db }, _query, { id }) => {
      const project = await db.project.findUnique({ where: { id }, select: { name: true } });
      return `${project?.name ?? ""}回迁进度台账`;
    },
    list: (ctx, query, { id }) => listProgressReports(ctx, { projectId: id, ...query }),
    columns: [
      { header: "日期", width: 12, value: (r) => r.reportedOn },
      // Signed: a correction (更正) takes households back out.
      { header: "户数", value: (r) => r.households },
      { header: "类别", value: (r) => `${r.households < 0 ? "更正" : "上报"}${r.backdated ? "（补报）" : ""}` },
      { header: "说明", width: 30, value: (r) => r.note ?? "" },
      { header: "原因", width: 30, value: (r) => r.reason ?? "" },
      { header: "上报人", value: (r) => r.reportedBy ?? "导入数据" },
    ],
  });
  app.get(
    "/api/projects/:id/progress-days",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A project's moved-back ledger summed by day, oldest first (the running-total chart)",
        params: byId,
        response: { 200: z.array(ProgressDaySchema), ...errors },
      },
    },
    (request) => listProgressDays(contextOf(request, deps), { projectId: request.params.id }),
  );
  app.get(
    "/api/plan-windows",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "The dates a report and a due date may take: relative to the plan's years and today in China",
        response: { 200: PlanWindowsSchema, ...errors },
      },
    },
    (request) => {
      const ctx = contextOf(request, deps);
      return readPlanWindows(ctx.db, ctx.clock);
    },
  );
  app.post(
    "/api/projects/:id/progress-reports",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary:
          "Report households moved back (kind report) or take some back out (kind correction, with a reason); never past 0 … total; dated from the plan's start to today, a closed year only with a reason (补报)",
        params: byId,
        body: ProgressReportCreateSchema,
        response: { 201: ProgressReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportProgress(contextOf(request, deps), { projectId: request.params.id, report: request.body })),
  );

  app.get(
    "/api/my-work",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Open milestones and items of the user's department: overdue first, then due within 14 days",
        response: { 200: MyWorkSchema, ...errors },
      },
    },
    (request) => myWork(contextOf(request, deps)),
  );

  // 撤销: a record made by mistake stays, struck through, and counts nowhere.
  for (const [kind, withdraw, schema] of [
    ["milestones", withdrawMilestone, MilestoneSchema],
    ["items", withdrawItem, ItemSchema],
  ] as const)
    app.post(
      `/api/${kind}/:id/withdraw`,
      {
        config: { access: "work.plan" },
        schema: {
          tags,
          summary: `Withdraw (撤销) a ${kind.slice(0, -1)} made by mistake, with a reason, unless done; 409 on a stale version or when withdrawn`,
          params: byId,
          body: WithdrawSchema,
          response: { 200: schema, ...writeErrors },
        },
      },
      (request) => withdraw(contextOf(request, deps), { id: request.params.id, withdrawal: request.body }),
    );
  await overdueBoardRoutes(app, deps);
  await completionRoutes(app, deps);
}
