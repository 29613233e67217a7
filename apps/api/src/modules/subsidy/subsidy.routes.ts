import {
  ArrearsQuerySchema,
  ErrorResponseSchema,
  SubsidyImportResultSchema,
  ArrearsReportSchema,
  HOUSEHOLD_STATE_WORDS,
  HouseholdSubsidyDetailSchema,
  HouseholdSubsidyPageSchema,
  HouseholdSubsidyQuerySchema,
  ProjectSubsidySchema,
  SubsidyPaymentCreateSchema,
  SubsidyPaymentSchema,
  SubsidyStandardCreateSchema,
  SubsidyStandardSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { listExportRoute, MONEY_FORMAT, wholeListExportRoute } from "../../lib/list-export.js";
import { readUpload, uploadErrors } from "../households/index.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "../../lib/file-answer.js";
import { buildPaymentTemplate } from "./payment-workbook.js";
import { annotatePayments, authorizePaymentImport, importPayments } from "./payment-import.service.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  arrearsReport,
  createPayment,
  createStandard,
  listHouseholdAccounts,
  readHouseholdSubsidy,
  readProjectSubsidy,
} from "./subsidy.service.js";

const tags = ["subsidy"];
/** Fen as a number of yuan, for a spreadsheet's sums. */
const yuan = (fen: number) => fen / 100;

/** 临时安置补助费: standards per project, payments per household and month, arrears aged. Money in fen. */
export async function subsidyRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/subsidy/arrears",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "Arrears per project with a standard, per district and in all: households owed, amount owed (fen), oldest unpaid month, ageing (1–30, 31–90, 90+ days)",
        querystring: ArrearsQuerySchema,
        response: { 200: ArrearsReportSchema, ...errors },
      },
    },
    (request) => arrearsReport(contextOf(request, deps), request.query),
  );
  wholeListExportRoute(app, deps, {
    url: "/api/subsidy/arrears/export",
    access: "read",
    tags,
    querystring: ArrearsQuerySchema,
    title: "临时安置补助费欠发明细",
    list: async (ctx, query) => (await arrearsReport(ctx, query)).projects,
    columns: [
      { header: "项目", width: 24, value: (p) => p.projectName },
      { header: "所属县区", value: (p) => p.districtName },
      { header: "欠发户数", value: (p) => p.households },
      { header: "欠发金额（元）", width: 16, numFmt: MONEY_FORMAT, value: (p) => yuan(p.amountOwed) },
      { header: "最早欠发月份", value: (p) => p.oldestDueMonth ?? "" },
      { header: "1–30 天（元）", numFmt: MONEY_FORMAT, value: (p) => yuan(p.buckets.d1to30) },
      { header: "31–90 天（元）", numFmt: MONEY_FORMAT, value: (p) => yuan(p.buckets.d31to90) },
      { header: "90 天以上（元）", numFmt: MONEY_FORMAT, value: (p) => yuan(p.buckets.over90) },
    ],
  });
  app.get(
    "/api/projects/:id/subsidy",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A project's standards (oldest first) and its arrears today",
        params: byId,
        response: { 200: ProjectSubsidySchema, ...errors },
      },
    },
    (request) => readProjectSubsidy(contextOf(request, deps), { projectId: request.params.id }),
  );
  app.post(
    "/api/projects/:id/subsidy/standards",
    {
      config: { access: "subsidy.standards" },
      schema: {
        tags,
        summary: "Set the project's rate from a month on (the office); a new rate starts after the latest",
        params: byId,
        body: SubsidyStandardCreateSchema,
        response: { 201: SubsidyStandardSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createStandard(contextOf(request, deps), { projectId: request.params.id, input: request.body })),
  );
  app.get(
    "/api/projects/:id/subsidy/households",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A page of the project's households with their accounts; owing=true: those owed, oldest first",
        params: byId,
        querystring: HouseholdSubsidyQuerySchema,
        response: { 200: HouseholdSubsidyPageSchema, ...errors },
      },
    },
    (request) =>
      listHouseholdAccounts(contextOf(request, deps), { projectId: request.params.id, query: request.query }),
  );
  listExportRoute(app, deps, {
    url: "/api/projects/:id/subsidy/households/export",
    access: "read",
    tags,
    params: byId,
    querystring: HouseholdSubsidyQuerySchema,
    title: "各户补助发放情况",
    fileTitle: async ({ db }, query, { id }) => {
      const project = await db.project.findUnique({ where: { id }, select: { name: true } });
      return `${project?.name ?? ""}各户补助发放情况${query.owing ? "（欠发户）" : ""}`;
    },
    list: (ctx, query, { id }) => listHouseholdAccounts(ctx, { projectId: id, query }),
    // The ID number masked, as everywhere.
    columns: [
      { header: "户主", value: (h) => h.headName },
      { header: "身份证号", width: 22, value: (h) => h.idNumberMasked },
      { header: "状态", value: (h) => HOUSEHOLD_STATE_WORDS[h.state] },
      { header: "应发月数", value: (h) => h.monthsDue },
      { header: "应发（元）", numFmt: MONEY_FORMAT, value: (h) => yuan(h.dueFen) },
      { header: "已发（元）", numFmt: MONEY_FORMAT, value: (h) => yuan(h.paidFen) },
      { header: "欠发（元）", numFmt: MONEY_FORMAT, value: (h) => yuan(h.owedFen) },
      { header: "最早欠发月份", value: (h) => h.oldestDueMonth ?? "" },
      { header: "90 天以上（元）", numFmt: MONEY_FORMAT, value: (h) => yuan(h.buckets.over90) },
    ],
  });
  app.get(
    "/api/households/:id/subsidy",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "One household's account, its months (latest first) and its payments",
        params: byId,
        response: { 200: HouseholdSubsidyDetailSchema, ...errors },
      },
    },
    (request) => readHouseholdSubsidy(contextOf(request, deps), { householdId: request.params.id }),
  );
  app.post(
    "/api/households/:id/subsidy-payments",
    {
      config: { access: "subsidy.record" },
      schema: {
        tags,
        summary:
          "Record a payment for one month (the project's registry keepers, the office); a month not due or more than is open is 400",
        params: byId,
        body: SubsidyPaymentCreateSchema,
        response: { 201: SubsidyPaymentSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPayment(contextOf(request, deps), { householdId: request.params.id, input: request.body })),
  );
  let template: Promise<Buffer> | undefined;
  app.get(
    "/api/subsidy/payments-import-template",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "The payments import template (.xlsx): sheet 补助发放 with the headers, and 说明",
        response: { ...xlsxAnswer, ...errors },
      },
    },
    async (_request, reply) => {
      template ??= buildPaymentTemplate();
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition("补助发放导入模板.xlsx"))
        .send(await template);
    },
  );
  app.post(
    "/api/projects/:id/subsidy/payments/import",
    {
      config: { access: "subsidy.record" },
      schema: {
        tags,
        summary:
          "Import a workbook of payments (multipart, field `file`), all or nothing: 201 {created, amountFen}, or 422 IMPORT_REFUSED listing every problem by row and column",
        consumes: ["multipart/form-data"],
        params: byId,
        response: { 201: SubsidyImportResultSchema, ...uploadErrors, 422: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      await authorizePaymentImport(ctx, request.params.id); // before a byte of the file is read
      const { fileName, bytes } = await readUpload(request);
      return reply.status(201).send(await importPayments(ctx, { projectId: request.params.id, fileName, bytes }));
    },
  );
  app.post(
    "/api/projects/:id/subsidy/payments/import/annotated",
    {
      config: { access: "subsidy.record" },
      schema: {
        tags,
        summary:
          "The same payments .xlsx back with a column 错误 (each row's problems, bad cells in red) and X-Import-Problems; writes nothing",
        consumes: ["multipart/form-data"],
        params: byId,
        response: { ...xlsxAnswer, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      await authorizePaymentImport(ctx, request.params.id);
      const { fileName, bytes } = await readUpload(request);
      const { workbook, problems } = await annotatePayments(ctx, { projectId: request.params.id, bytes });
      const base = fileName.replace(/\.xlsx$/i, "") || "补助发放";
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`${base}（已标注）.xlsx`))
        .header("x-import-problems", String(problems))
        .send(workbook);
    },
  );
}
