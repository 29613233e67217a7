import type { FastifyRequest } from "fastify";
import { ErrorResponseSchema, HOUSEHOLD_IMPORT_MAX_BYTES, HouseholdImportResultSchema } from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { uploadError } from "../../lib/upload-error.js";
import { contextOf } from "../../lib/context.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "../../lib/file-answer.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { annotateImport, authorizeImport, importHouseholds } from "./household-import.service.js";
import { buildImportTemplate } from "./household-workbook.js";

const tags = ["households"];

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", `An import file may be at most ${HOUSEHOLD_IMPORT_MAX_BYTES} bytes`, [
    {
      path: "body.file",
      reason: "too_big",
      message: `at most ${HOUSEHOLD_IMPORT_MAX_BYTES} bytes`,
      params: { maximum: HOUSEHOLD_IMPORT_MAX_BYTES },
    },
  ]);
const isFileTooLarge = (error: unknown) => (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE";

/** The one file of a multipart request (field `file`), within the import's size. */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart())
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the workbook as multipart/form-data, in the field `file`");
  const part = await request.file({ limits: { fileSize: HOUSEHOLD_IMPORT_MAX_BYTES } }).catch((error: unknown) => {
    throw isFileTooLarge(error) ? tooLarge() : uploadError(error);
  });
  if (!part || part.fieldname !== "file")
    throw AppError.invalid("body.file", "invalid_type", "a file is required, in the field `file`");
  const bytes = await part.toBuffer().catch((error: unknown) => {
    throw isFileTooLarge(error) ? tooLarge() : uploadError(error);
  });
  if (part.file.truncated) throw tooLarge();
  return { fileName: part.filename, bytes };
}

export const uploadErrors = { ...writeErrors, 413: ErrorResponseSchema, 415: ErrorResponseSchema };

/** 导入回迁户台账: the template, the import (all or nothing), and the file marked with its problems. */
export async function householdImportRoutes(app: App, deps: ModuleDeps) {
  let template: Promise<Buffer> | undefined;
  app.get(
    "/api/households/import-template",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "The registry's import template (.xlsx): sheet 回迁户 with the headers, and 说明",
        response: { ...xlsxAnswer, ...errors },
      },
    },
    async (_request, reply) => {
      template ??= buildImportTemplate();
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition("回迁户台账导入模板.xlsx"))
        .send(await template);
    },
  );
  app.post(
    "/api/projects/:id/households/import",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary:
          "Import households from an .xlsx (multipart, field `file`), all or nothing: 201 {created}, or 422 IMPORT_REFUSED listing every problem by row and column; 413 over the size, 415 not an .xlsx",
        consumes: ["multipart/form-data"],
        params: byId,
        response: { 201: HouseholdImportResultSchema, ...uploadErrors, 422: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      await authorizeImport(ctx, request.params.id); // before a byte of the file is read
      const { fileName, bytes } = await readUpload(request);
      return reply.status(201).send(await importHouseholds(ctx, { projectId: request.params.id, fileName, bytes }));
    },
  );
  app.post(
    "/api/projects/:id/households/import/annotated",
    {
      config: { access: "progress.report" },
      schema: {
        tags,
        summary:
          "The same .xlsx back with a column 错误 (each row's problems, bad cells in red; the file's own in the header's note) and X-Import-Problems; writes nothing",
        consumes: ["multipart/form-data"],
        params: byId,
        response: { ...xlsxAnswer, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      await authorizeImport(ctx, request.params.id);
      const { fileName, bytes } = await readUpload(request);
      const { workbook, problems } = await annotateImport(ctx, { projectId: request.params.id, bytes });
      const base = fileName.replace(/\.xlsx$/i, "") || "回迁户台账";
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`${base}（已标注）.xlsx`))
        .header("x-import-problems", String(problems))
        .send(workbook);
    },
  );
}
