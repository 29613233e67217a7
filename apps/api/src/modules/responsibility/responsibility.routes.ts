import { z } from "zod";
import {
  AssignResponsibilitySchema,
  MilestoneSchema,
  ProjectDetailSchema,
  ResponsibilityAssignmentSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  assignMilestoneResponsibility,
  assignProjectResponsibility,
  responsibilityHistory,
} from "./responsibility.service.js";
import { byId, errors } from "../../lib/route-schemas.js";

/** 包项目到部门到人: who is responsible, set by the leading group's office, with its history. */
export async function responsibilityRoutes(app: App, deps: ModuleDeps) {
  app.put(
    "/api/projects/:id/responsibility",
    {
      config: { access: "responsibility.assign" },
      schema: {
        tags: ["responsibility"],
        summary: "Make a department and one of its persons responsible for a project, with the reason",
        params: byId,
        body: AssignResponsibilitySchema,
        response: { 200: ProjectDetailSchema, ...errors },
      },
    },
    (request) =>
      assignProjectResponsibility(contextOf(request, deps), { projectId: request.params.id, assignment: request.body }),
  );
  app.get(
    "/api/projects/:id/responsibility-history",
    {
      config: { access: "read" },
      schema: {
        tags: ["responsibility"],
        summary: "Who was made responsible for the project, when, by whom and why: newest first",
        params: byId,
        response: { 200: z.array(ResponsibilityAssignmentSchema), ...errors },
      },
    },
    (request) => responsibilityHistory(contextOf(request, deps), { projectId: request.params.id }),
  );
  app.put(
    "/api/milestones/:id/responsibility",
    {
      config: { access: "responsibility.assign" },
      schema: {
        tags: ["responsibility"],
        summary: "Make a department and one of its persons responsible for a milestone, with the reason",
        params: byId,
        body: AssignResponsibilitySchema,
        response: { 200: MilestoneSchema, ...errors },
      },
    },
    (request) =>
      assignMilestoneResponsibility(contextOf(request, deps), {
        milestoneId: request.params.id,
        assignment: request.body,
      }),
  );
  app.get(
    "/api/milestones/:id/responsibility-history",
    {
      config: { access: "read" },
      schema: {
        tags: ["responsibility"],
        summary: "A milestone's responsibility history, newest first",
        params: byId,
        response: { 200: z.array(ResponsibilityAssignmentSchema), ...errors },
      },
    },
    (request) => responsibilityHistory(contextOf(request, deps), { milestoneId: request.params.id }),
  );
  app.get(
    "/api/items/:id/responsibility-history",
    {
      config: { access: "read" },
      schema: {
        tags: ["responsibility"],
        summary:
          "A rectification item's responsibility history (set at creation, changed by editing the item), newest first",
        params: byId,
        response: { 200: z.array(ResponsibilityAssignmentSchema), ...errors },
      },
    },
    (request) => responsibilityHistory(contextOf(request, deps), { itemId: request.params.id }),
  );
}
