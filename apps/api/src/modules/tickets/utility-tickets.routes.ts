import { z } from "zod";
import {
  TicketEventSchema,
  UtilityStandardSchema,
  UtilityStandardUpdateSchema,
  UtilityTicketCreateSchema,
  UtilityTicketPageSchema,
  UtilityTicketQuerySchema,
  UtilityTicketSchema,
  UtilityTicketUpdateSchema,
  TICKET_CHANNEL_WORDS,
  TICKET_STATUS_WORDS,
  UTILITY_KIND_WORDS,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { chinaDateTime, listExportRoute } from "../../lib/list-export.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  createTicket,
  listStandards,
  listTicketEvents,
  listTickets,
  updateStandard,
  updateTicket,
} from "./utility-tickets.service.js";

const tags = ["tickets"];

/** 水电暖问题: households' water, power and heating problems, with deadlines by kind and season. */
export async function ticketRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/utility-tickets",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "A page of tickets, open ones first, then the nearest deadline; by project, kind, status, department, overdue",
        querystring: UtilityTicketQuerySchema,
        response: { 200: UtilityTicketPageSchema, ...errors },
      },
    },
    (request) => listTickets(contextOf(request, deps), request.query),
  );
  listExportRoute(app, deps, {
    url: "/api/utility-tickets/export",
    access: "read",
    tags,
    querystring: UtilityTicketQuerySchema,
    title: "水电暖问题",
    list: listTickets,
    columns: [
      { header: "类型", width: 8, value: (k) => UTILITY_KIND_WORDS[k.kind] },
      { header: "所属项目", width: 20, value: (k) => k.projectName },
      { header: "住户", value: (k) => k.householdName ?? "整栋/多户" },
      { header: "问题描述", width: 36, value: (k) => k.description },
      { header: "来源", value: (k) => TICKET_CHANNEL_WORDS[k.channel] },
      { header: "反映时间", width: 17, value: (k) => chinaDateTime(k.reportedAt) },
      { header: "办理时限", width: 17, value: (k) => chinaDateTime(k.deadlineAt) },
      { header: "是否超时", width: 8, value: (k) => (k.overdue ? "超时" : "") },
      { header: "责任单位", width: 18, value: (k) => k.responsibleDepartment?.name ?? "" },
      { header: "状态", value: (k) => TICKET_STATUS_WORDS[k.status] },
      { header: "解决时间", width: 17, value: (k) => chinaDateTime(k.resolvedAt) },
    ],
  });
  app.post(
    "/api/utility-tickets",
    {
      config: { access: "tickets.record" },
      schema: {
        tags,
        summary: "Record a ticket (anyone signed in); answers with its deadline and responsible department",
        body: UtilityTicketCreateSchema,
        response: { 201: UtilityTicketSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createTicket(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/utility-tickets/:id",
    {
      config: { access: "work.update" },
      schema: {
        tags,
        summary: "Move a ticket (its department's coordinator, the office, the working group); 409 on a stale version",
        params: byId,
        body: UtilityTicketUpdateSchema,
        response: { 200: UtilityTicketSchema, ...writeErrors },
      },
    },
    (request) => updateTicket(contextOf(request, deps), { id: request.params.id, change: request.body }),
  );
  app.get(
    "/api/utility-tickets/:id/events",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A ticket's steps, oldest first",
        params: byId,
        response: { 200: z.array(TicketEventSchema), ...errors },
      },
    },
    (request) => listTicketEvents(contextOf(request, deps), { id: request.params.id }),
  );
  app.get(
    "/api/utility-standards",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "How many hours each kind of problem may take, in and out of the heating season",
        response: { 200: z.array(UtilityStandardSchema), ...errors },
      },
    },
    (request) => listStandards(contextOf(request, deps)),
  );
  app.patch(
    "/api/utility-standards",
    {
      config: { access: "tickets.standards" },
      schema: {
        tags,
        summary: "Set one kind's hours (the office), under its version; recorded tickets keep their deadline",
        body: UtilityStandardUpdateSchema,
        response: { 200: UtilityStandardSchema, ...writeErrors },
      },
    },
    (request) => updateStandard(contextOf(request, deps), request.body),
  );
}
