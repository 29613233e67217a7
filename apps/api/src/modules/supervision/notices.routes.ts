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
  NOTICE_LEVEL_WORDS,
  NOTICE_STATUS_WORDS,
  type Notice,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { chinaDateTime, listExportRoute } from "../../lib/list-export.js";
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
  listExportRoute(app, deps, {
    url: "/api/supervision-notices/export",
    access: "read",
    tags,
    querystring: NoticeQuerySchema,
    title: "督办单",
    list: listNotices,
    columns: [
      { header: "编号", width: 22, value: (n) => n.number },
      { header: "等级", width: 8, value: (n) => NOTICE_LEVEL_WORDS[n.level] },
      { header: "督办事项", width: 32, value: (n) => n.targetLabel },
      { header: "承办单位", width: 18, value: (n) => n.department.name },
      { header: "配合单位", width: 18, value: (n) => n.cooperating.map((d) => d.name).join("、") },
      { header: "督办要求", width: 36, value: (n) => n.requirement },
      { header: "交办时间", width: 17, value: (n) => chinaDateTime(n.issuedAt) },
      { header: "反馈时限", value: (n) => n.replyBy },
      { header: "状态", value: (n) => NOTICE_STATUS_WORDS[n.status] },
      { header: "是否逾期", width: 8, value: (n) => (n.overdue ? "逾期" : "") },
      { header: "已办天数", width: 8, value: (n) => n.daysOpen },
    ],
  });
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
