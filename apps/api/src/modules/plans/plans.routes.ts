import { ErrorResponseSchema, PlanImportQuerySchema, PlanImportResultSchema } from "@resettle/domain";
import { readPlanFile, writePlan } from "@resettle/prisma/seed";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { contextOf } from "../../lib/context.js";
import { errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { readUpload, uploadErrors } from "../households/index.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "../../lib/file-answer.js";
import { buildPlanWorkbook, readPlanWorkbook } from "./plan-workbook.js";

const tags = ["plan"];

/** 工作方案导入: the template (the plan loaded, as the example) and the import, checked as the Panjin plan is. */
export async function planRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/plans/template",
    {
      config: { access: "plan.import" },
      schema: {
        tags,
        summary:
          "The plan workbook's template (方案, 县区, 底线, 部门, 项目), filled with the plan loaded as the example",
        response: { ...xlsxAnswer, ...errors },
      },
    },
    async (_request, reply) => {
      const latest = await deps.prisma.plan.findFirst({ orderBy: { loadedAt: "desc" }, select: { code: true } });
      const bytes = await buildPlanWorkbook(await readPlanFile(), latest?.code ?? "panjin");
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition("工作方案导入模板.xlsx"))
        .send(bytes);
    },
  );
  app.post(
    "/api/plans/import",
    {
      config: { access: "plan.import" },
      schema: {
        tags,
        summary:
          "Import a work plan from an .xlsx: every problem listed (422, sheet, row, column) and nothing loaded until clean; dryRun=true checks only",
        consumes: ["multipart/form-data"],
        querystring: PlanImportQuerySchema,
        response: {
          200: PlanImportResultSchema,
          201: PlanImportResultSchema,
          ...writeErrors,
          ...uploadErrors,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const { bytes, fileName } = await readUpload(request);
      const { plan, code, problems } = await readPlanWorkbook(bytes);
      if (!plan || !code)
        throw new AppError(
          "IMPORT_REFUSED",
          `Nothing was loaded: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the workbook`,
          problems.slice(0, 1000),
        );
      const summary = {
        code,
        title: plan.title,
        years: plan.years,
        districts: plan.districts.length,
        departments: plan.departments.length,
        projects: plan.projects.length,
        households: plan.totalHouseholds,
      };
      if (request.query.dryRun) return reply.status(200).send({ ...summary, loaded: false });
      await ctx.db.$transaction(
        async (tx) => {
          await writePlan(tx, plan, code);
          const row = await tx.plan.findUniqueOrThrow({ where: { code }, select: { id: true } });
          await audit(tx, ctx.actor, {
            action: "import",
            entityType: "plan",
            entityId: row.id,
            after: { ...summary, fileName },
          });
        },
        { timeout: 60_000 },
      );
      return reply.status(201).send({ ...summary, loaded: true });
    },
  );
}
