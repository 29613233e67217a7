import { z } from "zod";
import {
  pageOf,
  ProblemQueueEntrySchema,
  ProblemQueueQuerySchema,
  HEALTH_WORDS,
  ReviewAddendumCreateSchema,
  ReviewCreateSchema,
  ReviewListQuerySchema,
  ReviewSchema,
  ReviewSummarySchema,
  ReviewUpdateSchema,
  WorkingGroupCreateSchema,
  WorkingGroupSchema,
  WorkingGroupUpdateSchema,
  WithdrawSchema,
} from "@resettle/domain";
import { REVIEW_BODY_LIMIT } from "../../lib/body-limits.js";
import { changeCache } from "../../lib/change-cache.js";
import { todayInChina } from "../../lib/clock.js";
import { contextOf } from "../../lib/context.js";
import { listExportRoute } from "../../lib/list-export.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { problemQueue } from "./problem-queue.service.js";
import { addAddendum } from "./review-addendum.service.js";
import { createReview } from "./review-create.service.js";
import { signReview } from "./review-sign.service.js";
import { updateReview } from "./review-update.service.js";
import { withdrawReview } from "./review-withdraw.service.js";
import { getReview, listReviews } from "./reviews.service.js";
import { createGroup, getGroup, listGroups, updateGroup } from "./working-groups.service.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";

/** The joint working groups (联合工作组), their reviews (研判会) with sign-off (会签), and the problem-projects queue. */
export async function reviewRoutes(app: App, deps: ModuleDeps) {
  // Ranks every project of the filter (at a province's size, 10,000) and depends on no user:
  // computed again only after a change (lib/change-cache.ts) or on a new day.
  const queue = changeCache<Awaited<ReturnType<typeof problemQueue>>>(deps.prisma);
  const tags = ["working groups"];
  app.get(
    "/api/working-groups",
    {
      config: { access: "read" },
      schema: { tags, summary: "The joint working groups", response: { 200: z.array(WorkingGroupSchema), ...errors } },
    },
    (request) => listGroups(contextOf(request, deps)),
  );
  app.get(
    "/api/working-groups/:id",
    {
      config: { access: "read" },
      schema: { tags, summary: "One working group", params: byId, response: { 200: WorkingGroupSchema, ...errors } },
    },
    (request) => getGroup(contextOf(request, deps), request.params),
  );
  app.post(
    "/api/working-groups",
    {
      config: { access: "groups.manage" },
      schema: {
        tags,
        summary: "Form a working group (administrators)",
        body: WorkingGroupCreateSchema,
        response: { 201: WorkingGroupSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createGroup(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/working-groups/:id",
    {
      config: { access: "groups.manage" },
      schema: {
        tags,
        summary: "Change a working group's members, persons, projects or interval; 409 on a stale version",
        params: byId,
        body: WorkingGroupUpdateSchema,
        response: { 200: WorkingGroupSchema, ...writeErrors },
      },
    },
    (request) => updateGroup(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );

  app.get(
    "/api/problem-queue",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Problem projects (individual problem, red, or blocked items), the most neglected first",
        querystring: ProblemQueueQuerySchema,
        response: { 200: pageOf(ProblemQueueEntrySchema), ...errors },
      },
    },
    (request) => {
      const ctx = contextOf(request, deps);
      return queue(`${todayInChina(ctx.clock)}|${JSON.stringify(request.query)}`, () =>
        problemQueue(ctx, request.query),
      );
    },
  );
  const REASON_WORDS = { individual_problem: "个性问题", red: "严重", blocked_items: "有受阻事项" } as const;
  listExportRoute(app, deps, {
    url: "/api/problem-queue/export",
    access: "read",
    tags,
    querystring: ProblemQueueQuerySchema,
    title: "问题项目研判队列",
    list: problemQueue,
    columns: [
      { header: "项目", width: 20, value: (e) => e.projectName },
      { header: "所属县区", value: (e) => e.district.name },
      { header: "联合工作组", width: 28, value: (e) => e.group?.name ?? "" },
      { header: "项目状态", value: (e) => HEALTH_WORDS[e.healthLevel] },
      { header: "列入原因", width: 20, value: (e) => e.reasons.map((r) => REASON_WORDS[r]).join("、") },
      { header: "上次研判", value: (e) => e.lastReviewedOn ?? "未研判" },
      { header: "下次研判", value: (e) => e.nextReviewDue ?? "" },
      { header: "研判逾期天数", value: (e) => e.daysReviewOverdue },
      { header: "未完成后续工作", value: (e) => e.openActions },
      { header: "逾期后续工作", value: (e) => e.overdueActions },
    ],
  });

  const reviewTags = ["reviews"];
  app.get(
    "/api/reviews",
    {
      config: { access: "read" },
      schema: {
        tags: reviewTags,
        summary: "Reviews of a group or a project, newest first",
        querystring: ReviewListQuerySchema,
        response: { 200: pageOf(ReviewSummarySchema), ...errors },
      },
    },
    (request) => listReviews(contextOf(request, deps), request.query),
  );
  listExportRoute(app, deps, {
    url: "/api/reviews/export",
    access: "read",
    tags: reviewTags,
    querystring: ReviewListQuerySchema,
    title: "研判会记录",
    list: listReviews,
    columns: [
      { header: "研判日期", value: (r) => r.heldOn },
      { header: "联合工作组", width: 28, value: (r) => r.group.name },
      { header: "研判项目", width: 30, value: (r) => r.projects.map((p) => p.name).join("、") },
      { header: "后续工作", value: (r) => r.actionCount },
      {
        header: "会签",
        width: 16,
        value: (r) => (r.withdrawn ? "已撤销" : r.locked ? "已锁定" : `待 ${r.pendingDepartmentCount} 个单位会签`),
      },
    ],
  });
  app.post(
    "/api/reviews",
    {
      bodyLimit: REVIEW_BODY_LIMIT,
      config: { access: "reviews.record" },
      schema: {
        tags: reviewTags,
        summary: "Record a review (研判会); its follow-up actions become rectification items at once",
        body: ReviewCreateSchema,
        response: { 201: ReviewSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createReview(contextOf(request, deps), request.body)),
  );
  app.get(
    "/api/reviews/:id",
    {
      config: { access: "read" },
      schema: {
        tags: reviewTags,
        summary: "A review record with its signatures, the departments still to sign, and whether it is locked",
        params: byId,
        response: { 200: ReviewSchema, ...errors },
      },
    },
    (request) => getReview(contextOf(request, deps), request.params),
  );
  app.patch(
    "/api/reviews/:id",
    {
      bodyLimit: REVIEW_BODY_LIMIT,
      config: { access: "reviews.record" },
      schema: {
        tags: reviewTags,
        summary: "Correct an unlocked record (withdraws signatures given); 409 when locked or stale",
        params: byId,
        body: ReviewUpdateSchema,
        response: { 200: ReviewSchema, ...writeErrors },
      },
    },
    (request) => updateReview(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );
  app.post(
    "/api/reviews/:id/signatures",
    {
      config: { access: "reviews.sign" },
      schema: {
        tags: reviewTags,
        summary: "Sign the record for one's department (会签); the last signature locks it; twice 409",
        params: byId,
        response: { 201: ReviewSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await signReview(contextOf(request, deps), request.params)),
  );
  app.post(
    "/api/reviews/:id/addenda",
    {
      config: { access: "reviews.record" },
      schema: {
        tags: reviewTags,
        summary: "Add a correction (补充说明) beside the record",
        params: byId,
        body: ReviewAddendumCreateSchema,
        response: { 201: ReviewSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addAddendum(contextOf(request, deps), { id: request.params.id, addendum: request.body })),
  );
  app.post(
    "/api/reviews/:id/withdraw",
    {
      config: { access: "reviews.record" },
      schema: {
        tags: reviewTags,
        summary:
          "Withdraw (撤销) a review recorded by mistake, with a reason, before anyone signs it; its planned follow-up actions with it",
        params: byId,
        body: WithdrawSchema,
        response: { 200: ReviewSchema, ...writeErrors },
      },
    },
    (request) => withdrawReview(contextOf(request, deps), { id: request.params.id, withdrawal: request.body }),
  );
}
