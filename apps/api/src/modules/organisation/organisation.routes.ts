import { z } from "zod";
import {
  DepartmentCreateSchema,
  DepartmentSchema,
  DepartmentUpdateSchema,
  DistrictSchema,
  pageOf,
  PersonCreateSchema,
  PersonQuerySchema,
  PersonSchema,
  PersonUpdateSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  createDepartment,
  createPerson,
  listDepartments,
  listDistricts,
  listPersons,
  updateDepartment,
  updatePerson,
} from "./organisation.service.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";

export async function organisationRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/districts",
    {
      config: { access: "read" },
      schema: {
        tags: ["organisation"],
        summary: "Districts (区)",
        response: { 200: z.array(DistrictSchema), ...errors },
      },
    },
    (request) => listDistricts(contextOf(request, deps)),
  );

  app.get(
    "/api/departments",
    {
      config: { access: "read" },
      schema: {
        tags: ["organisation"],
        summary: "Departments (责任部门), in the plan's order",
        response: { 200: z.array(DepartmentSchema), ...errors },
      },
    },
    (request) => listDepartments(contextOf(request, deps)),
  );
  app.post(
    "/api/departments",
    {
      config: { access: "organisation.manage" },
      schema: {
        tags: ["organisation"],
        summary: "Create a department",
        body: DepartmentCreateSchema,
        response: { 201: DepartmentSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createDepartment(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/departments/:id",
    {
      config: { access: "organisation.manage" },
      schema: {
        tags: ["organisation"],
        summary: "Change a department (409 with the current record on a stale version)",
        params: byId,
        body: DepartmentUpdateSchema,
        response: { 200: DepartmentSchema, ...writeErrors },
      },
    },
    (request) => updateDepartment(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );

  app.get(
    "/api/persons",
    {
      config: { access: "read" },
      schema: {
        tags: ["organisation"],
        summary: "Responsible persons (责任人): filter by department, active, name",
        querystring: PersonQuerySchema,
        response: { 200: pageOf(PersonSchema), ...errors },
      },
    },
    (request) => listPersons(contextOf(request, deps), request.query),
  );
  app.post(
    "/api/persons",
    {
      config: { access: "organisation.manage" },
      schema: {
        tags: ["organisation"],
        summary: "Add a person to a department",
        body: PersonCreateSchema,
        response: { 201: PersonSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createPerson(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/persons/:id",
    {
      config: { access: "organisation.manage" },
      schema: {
        tags: ["organisation"],
        summary: "Change or deactivate a person (409 with the current record on a stale version)",
        params: byId,
        body: PersonUpdateSchema,
        response: { 200: PersonSchema, ...writeErrors },
      },
    },
    (request) => updatePerson(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );
}
