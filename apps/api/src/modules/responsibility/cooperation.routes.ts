import { z } from "zod";
import { CooperatorsSchema, CooperatorsUpdateSchema, WorkNoteCreateSchema, WorkNoteSchema } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { addNote, listNotes, readCooperators, setCooperators } from "./cooperation.service.js";

const tags = ["responsibility"];
const TARGETS = [
  ["projects", "project"],
  ["milestones", "milestone"],
  ["items", "item"],
] as const;

/** 牵头/配合: the departments cooperating on a record, and the progress notes on work. */
export async function cooperationRoutes(app: App, deps: ModuleDeps) {
  for (const [path, type] of TARGETS) {
    app.get(
      `/api/${path}/:id/cooperators`,
      {
        config: { access: "read" },
        schema: {
          tags,
          summary: `A ${type}'s lead department (牵头单位) and the departments cooperating (配合单位)`,
          params: byId,
          response: { 200: CooperatorsSchema, ...errors },
        },
      },
      (request) => readCooperators(contextOf(request, deps), type, request.params.id),
    );
    app.put(
      `/api/${path}/:id/cooperators`,
      {
        config: { access: "responsibility.assign" },
        schema: {
          tags,
          summary: `Set the departments cooperating on a ${type} (the whole set; the lead cannot be one)`,
          params: byId,
          body: CooperatorsUpdateSchema,
          response: { 200: CooperatorsSchema, ...writeErrors },
        },
      },
      (request) => setCooperators(contextOf(request, deps), type, request.params.id, request.body),
    );
  }
  for (const [path, type] of TARGETS.slice(1) as [["milestones", "milestone"], ["items", "item"]]) {
    app.get(
      `/api/${path}/:id/notes`,
      {
        config: { access: "read" },
        schema: {
          tags,
          summary: `A ${type}'s progress notes (进展情况), oldest first, each with its department and whether it leads or cooperates`,
          params: byId,
          response: { 200: z.array(WorkNoteSchema), ...errors },
        },
      },
      (request) => listNotes(contextOf(request, deps), type, request.params.id),
    );
    app.post(
      `/api/${path}/:id/notes`,
      {
        config: { access: "work.update" },
        schema: {
          tags,
          summary: `Add a progress note to a ${type}: its lead's or a cooperating department's coordinator, the office, the working group`,
          params: byId,
          body: WorkNoteCreateSchema,
          response: { 201: WorkNoteSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addNote(contextOf(request, deps), type, request.params.id, request.body)),
    );
  }
}
