import { z } from "zod";
import {
  NoticeCreateSchema,
  NoticeEscalateSchema,
  NoticeEventSchema,
  NoticeExtensionDecisionSchema,
  NoticeExtensionSchema,
  NoticePageSchema,
  NoticeQuerySchema,
  NoticeReplySchema,
  NoticeReviewSchema,
  NoticeSchema,
  type Notice,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  decideExtension,
  escalateNotice,
  issueNotice,
  listNoticeEvents,
  listNotices,
  readNotice,
  receiveNotice,
  replyToNotice,
  requestExtension,
  reviewNotice,
} from "./notices.service.js";

const tags = ["supervision"];

/** 督办单: issued by the office, signed for and answered by the department, reviewed by the office. */
export async function noticeRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/supervision-notices",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "A page of notices, open first, red before yellow before blue, then the oldest; by status, level, department, project",
        querystring: NoticeQuerySchema,
        response: { 200: NoticePageSchema, ...errors },
      },
    },
    (request) => listNotices(contextOf(request, deps), request.query),
  );
  app.post(
    "/api/supervision-notices",
    {
      config: { access: "notices.issue" },
      schema: {
        tags,
        summary: "交办: issue a notice to a department about a record (the office); answers with its number",
        body: NoticeCreateSchema,
        response: { 201: NoticeSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await issueNotice(contextOf(request, deps), request.body)),
  );
  app.get(
    "/api/supervision-notices/:id",
    {
      config: { access: "read" },
      schema: { tags, summary: "One notice", params: byId, response: { 200: NoticeSchema, ...errors } },
    },
    (request) => readNotice(contextOf(request, deps), request.params.id),
  );
  app.get(
    "/api/supervision-notices/:id/events",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "A notice's steps, oldest first",
        params: byId,
        response: { 200: z.array(NoticeEventSchema), ...errors },
      },
    },
    (request) => listNoticeEvents(contextOf(request, deps), request.params.id),
  );
  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    access: "notices.issue" | "notices.answer",
    body: B | null,
    run: (ctx: ReturnType<typeof contextOf>, id: string, input: z.infer<B>) => Promise<Notice>,
  ) =>
    app.post(
      `/api/supervision-notices/:id/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          params: byId,
          ...(body ? { body } : {}),
          response: { 200: NoticeSchema, ...writeErrors },
        },
      },
      (request) => run(contextOf(request, deps), request.params.id, request.body as z.infer<B>),
    );
  step(
    "receipt",
    "签收: the department's coordinator signs for it; 409 when not just issued",
    "notices.answer",
    null,
    (ctx, id) => receiveNotice(ctx, id),
  );
  step(
    "reply",
    "反馈: the measures taken (after 签收, or after a return); 409 otherwise",
    "notices.answer",
    NoticeReplySchema,
    replyToNotice,
  );
  step(
    "review",
    "复核: accepted closes it (销号); returned (with the comment) it is answered again; 409 unless replied",
    "notices.issue",
    NoticeReviewSchema,
    reviewNotice,
  );
  step(
    "extension",
    "延期申请: a later reply day with the reason (after 签收, before 反馈; one waiting at a time)",
    "notices.answer",
    NoticeExtensionSchema,
    requestExtension,
  );
  step(
    "extension/decision",
    "延期审批: approved, the reply is due on the day asked; refused needs the reason",
    "notices.issue",
    NoticeExtensionDecisionSchema,
    decideExtension,
  );
  step(
    "escalate",
    "升级: to a higher colour by hand, with the reason",
    "notices.issue",
    NoticeEscalateSchema,
    escalateNotice,
  );
}
