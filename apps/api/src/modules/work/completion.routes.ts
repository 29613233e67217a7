import { z } from "zod";
import {
  CompletionSchema,
  ErrorResponseSchema,
  EvidenceFileSchema,
  EvidenceListSchema,
  EvidenceWithdrawSchema,
  ItemSchema,
  MilestoneSchema,
  VerificationRuleSchema,
  VerificationRuleUpdateSchema,
  VerificationSchema,
} from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { uploadError } from "../../lib/upload-error.js";
import { contextOf } from "../../lib/context.js";
import { contentDisposition } from "../../lib/file-answer.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { authorizeUpload, listEvidence, openEvidence, uploadEvidence, withdrawEvidence } from "./evidence.service.js";
import { completeWork, verifyWork } from "./work-completion.js";
import { listVerificationRules, updateVerificationRule } from "./verification-rules.service.js";

const tags = ["ledger"];
const KINDS = [
  ["milestones", "milestone", MilestoneSchema],
  ["items", "item", ItemSchema],
] as const;

/** Whether an error is @fastify/multipart's "file larger than the limit". */
const isFileTooLarge = (error: unknown) => (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE";

/**
 * 完成 with a date and a note, evidence (证明材料) and the office's verification (复核) of
 * milestones and items; and which kinds of work need that verification.
 */
export async function completionRoutes(app: App, deps: ModuleDeps) {
  const { store, maxBytes } = deps.evidence;
  const tooLarge = () =>
    new AppError("EVIDENCE_TOO_LARGE", `An evidence file may be at most ${maxBytes} bytes`, [
      { path: "body.file", reason: "too_big", message: `at most ${maxBytes} bytes`, params: { maximum: maxBytes } },
    ]);

  for (const [kind, type, schema] of KINDS) {
    app.post(
      `/api/${kind}/:id/completion`,
      {
        config: { access: "work.update" },
        schema: {
          tags,
          summary: `Complete (完成) a ${type}: the day it was finished and a note; done, or 待复核 when its kind needs the office's verification`,
          params: byId,
          body: CompletionSchema,
          response: { 200: schema, ...writeErrors },
        },
      },
      (request) => completeWork(contextOf(request, deps), type, { id: request.params.id, completion: request.body }),
    );
    app.post(
      `/api/${kind}/:id/verification`,
      {
        config: { access: "work.verify" },
        schema: {
          tags,
          summary: `Verify (复核) a ${type} awaiting it (→ done) or return it (退回, with the reason → in progress)`,
          params: byId,
          body: VerificationSchema,
          response: { 200: schema, ...writeErrors },
        },
      },
      (request) => verifyWork(contextOf(request, deps), type, { id: request.params.id, verification: request.body }),
    );
    app.get(
      `/api/${kind}/:id/evidence`,
      {
        config: { access: "read" },
        schema: {
          tags,
          summary: `A ${type}'s evidence files (证明材料), oldest first, with the size and types an upload may have`,
          params: byId,
          response: { 200: EvidenceListSchema, ...errors },
        },
      },
      (request) => listEvidence(contextOf(request, deps), { type, id: request.params.id, maxBytes }),
    );
    app.post(
      `/api/${kind}/:id/evidence`,
      {
        config: { access: "work.update" },
        schema: {
          tags,
          summary: `Attach an evidence file to a ${type} (multipart/form-data, field \`file\`): JPEG, PNG, WebP, GIF or PDF by its first bytes (else 415), at most EVIDENCE_MAX_MB (else 413)`,
          consumes: ["multipart/form-data"],
          params: byId,
          response: {
            201: EvidenceFileSchema,
            ...writeErrors,
            413: ErrorResponseSchema,
            415: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request, deps);
        // Who may, before a byte of the file is read.
        await authorizeUpload(ctx, type, request.params.id);
        if (!request.isMultipart())
          throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data, in the field `file`");
        const part = await request.file().catch((error: unknown) => {
          throw isFileTooLarge(error) ? tooLarge() : uploadError(error);
        });
        if (!part || part.fieldname !== "file")
          throw AppError.invalid("body.file", "invalid_type", "a file is required, in the field `file`");
        const bytes = await part.toBuffer().catch((error: unknown) => {
          throw isFileTooLarge(error) ? tooLarge() : uploadError(error);
        });
        if (part.file.truncated) throw tooLarge();
        const created = await uploadEvidence(ctx, store, {
          type,
          id: request.params.id,
          fileName: part.filename,
          bytes,
        });
        return reply.status(201).send(created);
      },
    );
  }

  app.get(
    "/api/evidence/:id",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Download an evidence file, under its original name (Content-Disposition, RFC 5987)",
        params: byId,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openEvidence(contextOf(request, deps), store, { id: request.params.id });
      return reply
        .type(file.contentType)
        .header("content-length", String(file.sizeBytes))
        .header("content-disposition", contentDisposition(file.fileName))
        .header("x-content-type-options", "nosniff")
        .send(stream);
    },
  );
  app.post(
    "/api/evidence/:id/withdraw",
    {
      config: { access: "work.update" },
      schema: {
        tags,
        summary: "Withdraw (撤回) an evidence file attached by mistake, with a reason, while its record is not done",
        params: byId,
        body: EvidenceWithdrawSchema,
        response: { 200: EvidenceFileSchema, ...writeErrors },
      },
    },
    (request) => withdrawEvidence(contextOf(request, deps), { id: request.params.id, reason: request.body.reason }),
  );

  app.get(
    "/api/verification-rules",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Which kinds of work wait for the office's verification (待复核) before they count as done",
        response: { 200: z.array(VerificationRuleSchema), ...errors },
      },
    },
    (request) => listVerificationRules(contextOf(request, deps)),
  );
  app.patch(
    "/api/verification-rules",
    {
      config: { access: "work.verify" },
      schema: {
        tags,
        summary: "Turn verification on or off for one kind of work (the office); later completions follow it",
        body: VerificationRuleUpdateSchema,
        response: { 200: VerificationRuleSchema, ...writeErrors },
      },
    },
    (request) => updateVerificationRule(contextOf(request, deps), request.body),
  );
}
