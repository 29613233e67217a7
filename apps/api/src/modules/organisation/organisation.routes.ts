import { z } from "zod";
import {
  DepartmentCreateSchema,
  DepartmentSchema,
  DepartmentUpdateSchema,
  DEPARTMENT_KIND_WORDS,
  DepartmentKindSchema,
  DistrictSchema,
  maskPhone,
  pageOf,
  PersonCreateSchema,
  PersonQuerySchema,
  PersonSchema,
  PersonUpdateSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { listExportRoute, wholeListExportRoute } from "../../lib/list-export.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  createDepartment,
  createPerson,
  listDepartments,
  listDepartmentsNamed,
  listDistricts,
  listPersons,
  listPersonsNamed,
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
  // The directory as the office's pages list it, in one file: the office's (organisation.manage).
  wholeListExportRoute(app, deps, {
    url: "/api/departments/export",
    access: "organisation.manage",
    tags: ["organisation"],
    // The page's one filter, its kind (the list itself is read whole and filtered on screen).
    querystring: z.object({ kind: DepartmentKindSchema.optional() }),
    title: "部门",
    list: listDepartmentsNamed,
    columns: [
      { header: "代码", value: (d) => d.code },
      { header: "名称", width: 28, value: (d) => d.name },
      { header: "简称", value: (d) => d.shortName },
      { header: "类别", width: 16, value: (d) => DEPARTMENT_KIND_WORDS[d.kind] },
      { header: "所属区", value: (d) => d.districtName ?? "" },
    ],
  });
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
  listExportRoute(app, deps, {
    url: "/api/persons/export",
    access: "organisation.manage",
    tags: ["organisation"],
    querystring: PersonQuerySchema,
    title: "人员",
    list: listPersonsNamed,
    columns: [
      { header: "姓名", value: (p) => p.name },
      { header: "职务", width: 18, value: (p) => p.title ?? "" },
      { header: "所属部门", width: 24, value: (p) => p.departmentName ?? "" },
      // A file leaves the office's screen: phones masked, as the registry's are.
      { header: "联系电话", width: 16, value: (p) => (p.phone ? maskPhone(p.phone) : "") },
      { header: "状态", value: (p) => (p.active ? "启用" : "停用") },
    ],
  });
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
