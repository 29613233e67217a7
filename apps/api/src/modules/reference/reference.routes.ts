import { z } from "zod";
import {
  DepartmentSchema,
  DistrictSchema,
  ErrorResponseSchema,
  pageOf,
  PageQuerySchema,
  PersonQuerySchema,
  PersonSchema,
} from "@resettle/domain";
import type { App, ModuleDeps } from "../../lib/types.js";
import { listDepartments, listDistricts, listPersons } from "./reference.service.js";

const errors = { 400: ErrorResponseSchema, 500: ErrorResponseSchema };

export async function referenceRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/districts",
    {
      schema: { tags: ["reference"], summary: "Districts (区)", response: { 200: z.array(DistrictSchema), ...errors } },
    },
    () => listDistricts(deps.prisma),
  );
  app.get(
    "/api/departments",
    {
      schema: {
        tags: ["reference"],
        summary: "Departments (责任部门)",
        response: { 200: z.array(DepartmentSchema), ...errors },
      },
    },
    () => listDepartments(deps.prisma),
  );
  app.get(
    "/api/persons",
    {
      schema: {
        tags: ["reference"],
        summary: "Responsible persons (责任人), by department",
        querystring: PersonQuerySchema.extend(PageQuerySchema.shape),
        response: { 200: pageOf(PersonSchema), ...errors },
      },
    },
    (request) => listPersons(deps.prisma, request.query),
  );
}
