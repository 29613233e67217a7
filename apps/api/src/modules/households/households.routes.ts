import { z } from "zod";
import {
  HouseholdBulkResultSchema,
  HouseholdBulkTransitionSchema,
  HouseholdCreateSchema,
  HouseholdExportQuerySchema,
  HouseholdListPageSchema,
  HouseholdListQuerySchema,
  HouseholdEventSchema,
  HouseholdPageSchema,
  HouseholdQuerySchema,
  HouseholdRevealedSchema,
  HouseholdRevealSchema,
  HouseholdSchema,
  HouseholdTransitionSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "../../lib/file-answer.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { exportHouseholds, listAllHouseholds } from "./household-list.js";
import {
  createHousehold,
  listHouseholdEvents,
  listHouseholds,
  revealIdNumber,
  transitionHousehold,
  transitionHouseholds,
} from "./households.service.js";

const tags = ["households"];

/** 回迁户台账: a project's households, their moves, and the office's reveal of one ID number. */
export async function householdRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/households",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "回迁户名册: a page of every project's households (masked), by district, project, state and search",
        querystring: HouseholdListQuerySchema,
        response: { 200: HouseholdListPageSchema, ...errors },
      },
    },
    (request) => listAllHouseholds(contextOf(request, deps), request.query),
  );
  app.get(
    "/api/households/export",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "The same households as an .xlsx, every one the filters select, ID numbers and phones masked",
        querystring: HouseholdExportQuerySchema,
        response: { ...xlsxAnswer, ...errors },
      },
    },
    (request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`回迁户名册-${new Date().toISOString().slice(0, 10)}.xlsx`))
        .send(exportHouseholds(contextOf(request, deps), request.query)),
  );
  app.post(
    "/api/households/transitions",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary:
          "批量变更状态: the households listed (each with its version) move to one state on one day, each audited; all or none",
        body: HouseholdBulkTransitionSchema,
        response: { 200: HouseholdBulkResultSchema, ...writeErrors },
      },
    },
    (request) => transitionHouseholds(contextOf(request, deps), request.body),
  );
  app.get(
    "/api/projects/:id/households",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A page of the project's registry (ID numbers and phones masked), by state and search",
        params: byId,
        querystring: HouseholdQuerySchema,
        response: { 200: HouseholdPageSchema, ...errors },
      },
    },
    (request) => listHouseholds(contextOf(request, deps), { projectId: request.params.id, query: request.query }),
  );
  app.post(
    "/api/projects/:id/households",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary: "Add a household (待回迁); a bad ID number is 400 on idNumber, one already registered 409",
        params: byId,
        body: HouseholdCreateSchema,
        response: { 201: HouseholdSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createHousehold(contextOf(request, deps), { projectId: request.params.id, input: request.body })),
  );
  app.post(
    "/api/households/:id/transitions",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary:
          "Move a household on a day (going back needs a reason); settling writes the progress ledger; 409 on a stale version",
        params: byId,
        body: HouseholdTransitionSchema,
        response: { 200: HouseholdSchema, ...writeErrors },
      },
    },
    (request) => transitionHousehold(contextOf(request, deps), { id: request.params.id, input: request.body }),
  );
  app.get(
    "/api/households/:id/events",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A household's moves, oldest first",
        params: byId,
        response: { 200: z.array(HouseholdEventSchema), ...errors },
      },
    },
    (request) => listHouseholdEvents(contextOf(request, deps), { id: request.params.id }),
  );
  app.post(
    "/api/households/:id/reveal",
    {
      config: { access: "households.reveal" },
      schema: {
        tags,
        summary: "An administrator reads one household's full ID number, giving the reason (audited)",
        params: byId,
        body: HouseholdRevealSchema,
        response: { 200: HouseholdRevealedSchema, ...errors },
      },
    },
    (request) => revealIdNumber(contextOf(request, deps), { id: request.params.id, reason: request.body.reason }),
  );
}
