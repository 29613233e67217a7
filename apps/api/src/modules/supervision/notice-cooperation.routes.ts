import { z } from "zod";
import { CooperatorsSchema, CooperatorsUpdateSchema, WorkNoteCreateSchema, WorkNoteSchema } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  addNoticeNote,
  listNoticeNotes,
  readNoticeCooperators,
  setNoticeCooperators,
} from "./notice-cooperation.service.js";

const tags = ["supervision"];

/** 配合单位 on a 督办单 and the notice's progress notes (进展情况). */
export async function noticeCooperationRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/supervision-notices/:id/cooperators",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A notice's lead (the department it is issued to, 牵头) and the departments cooperating (配合)",
        params: byId,
        response: { 200: CooperatorsSchema, ...errors },
      },
    },
    (request) => readNoticeCooperators(contextOf(request, deps), request.params.id),
  );
  app.put(
    "/api/supervision-notices/:id/cooperators",
    {
      config: { access: "notices.issue" },
      schema: {
        tags,
        summary:
          "Set the departments cooperating on a notice (the office; the whole set, never its own department); 409 once closed",
        params: byId,
        body: CooperatorsUpdateSchema,
        response: { 200: CooperatorsSchema, ...writeErrors },
      },
    },
    (request) => setNoticeCooperators(contextOf(request, deps), request.params.id, request.body),
  );
  app.get(
    "/api/supervision-notices/:id/notes",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "A notice's progress notes (进展情况), oldest first, each with its department and whether it leads or cooperates",
        params: byId,
        response: { 200: z.array(WorkNoteSchema), ...errors },
      },
    },
    (request) => listNoticeNotes(contextOf(request, deps), request.params.id),
  );
  app.post(
    "/api/supervision-notices/:id/notes",
    {
      config: { access: "notices.note" },
      schema: {
        tags,
        summary: "Add a progress note to a notice: a coordinator of its department or of a cooperating one, the office",
        params: byId,
        body: WorkNoteCreateSchema,
        response: { 201: WorkNoteSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addNoticeNote(contextOf(request, deps), request.params.id, request.body)),
  );
}
