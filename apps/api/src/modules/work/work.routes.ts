import { z } from "zod";
import {
  ItemCreateSchema,
  ItemSchema,
  ItemUpdateSchema,
  MilestoneCreateSchema,
  MilestoneSchema,
  MilestoneUpdateSchema,
  MyWorkSchema,
  ProgressReportCreateSchema,
  ProgressReportSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { createItem, listItems, updateItem } from "./items.service.js";
import { createMilestone, listMilestones, updateMilestone } from "./milestones.service.js";
import { myWork } from "./my-work.service.js";
import { overdueBoardRoutes } from "./overdue-board.routes.js";
import { listProgressReports, reportProgress } from "./progress.service.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";

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
        summary: "A project's moved-back ledger, newest first",
        params: byId,
        response: { 200: z.array(ProgressReportSchema), ...errors },
      },
    },
    (request) => listProgressReports(contextOf(request, deps), { projectId: request.params.id }),
  );
  app.post(
    "/api/projects/:id/progress-reports",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary: "Report households moved back (negative with a reason: a correction); never past 0 … total",
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
  await overdueBoardRoutes(app, deps);
}
