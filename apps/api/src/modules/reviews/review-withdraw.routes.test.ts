import { beforeEach, describe, expect, it } from "vitest";
import { MyWorkSchema, pageOf, ProblemQueueEntrySchema, ReviewSchema } from "@resettle/domain";
import { snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});
beforeEach(async () => {
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-fayuan"])
    await t.as(user)({ url: "/api/auth/me" });
});

const REASON = "误录：会议日期与参会人员有误";
const person = async (name: string) => (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id;

/** A review of 宏伟小区 recorded by mistake, with two follow-up actions (items, planned). */
async function mistaken() {
  const res = await t.as("wg")({
    method: "POST",
    url: "/api/reviews",
    payload: {
      groupId: ids.group,
      heldOn: "2026-11-01",
      attendeePersonIds: [await person("李科长（演示）"), await person("蒋庭长（演示）")],
      projects: [
        {
          projectId: ids.hongwei,
          findings: "误录",
          decisions: "误录",
          actions: [
            { title: "误录事项一", departmentId: ids.zhujian, personId: null, dueDate: "2026-11-10" },
            { title: "误录事项二", departmentId: ids.fayuan, personId: null, dueDate: "2026-12-31" },
          ],
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return ReviewSchema.parse(res.json());
}
const withdraw = (user: string, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/reviews/${id}/withdraw`, payload });
const queueOf = async () =>
  pageOf(ProblemQueueEntrySchema)
    .parse((await t.as("leader")({ url: "/api/problem-queue" })).json())
    .items.find((e) => e.projectId === ids.hongwei)!;

describe("POST /api/reviews/:id/withdraw", () => {
  it("withdraws an unsigned review with its planned follow-up actions: out of the queue, My work and sign-off", async () => {
    const review = await mistaken();
    const queueBefore = await queueOf();
    expect(queueBefore.lastReviewedOn).toBe("2026-11-01");
    const zhujianBefore = MyWorkSchema.parse((await t.as("coord-zhujian")({ url: "/api/my-work" })).json());
    expect(zhujianBefore.reviewsToSign.map((r) => r.id)).toContain(review.id);

    const res = await withdraw("wg", review.id, { reason: REASON, version: review.version });
    expect(res.statusCode, res.body).toBe(200);
    const withdrawn = ReviewSchema.strict().parse(res.json());
    expect(withdrawn.withdrawn).toMatchObject({ reason: REASON, by: "工作组成员（演示）" });
    expect(withdrawn.projects[0]!.actions.map((a) => a.withdrawn)).toEqual([true, true]);

    const queue = await queueOf();
    expect(queue.lastReviewedOn).toBe("2026-10-20"); // the demo's review, the one that stands
    expect(queue.openActions).toBe(queueBefore.openActions - 2);
    const zhujian = MyWorkSchema.parse((await t.as("coord-zhujian")({ url: "/api/my-work" })).json());
    expect(zhujian.reviewsToSign.map((r) => r.id)).not.toContain(review.id);
    expect(zhujian.entries.map((e) => e.title)).not.toContain("误录事项一");
    const list = (await t.as("leader")({ url: `/api/reviews?projectId=${ids.hongwei}` })).json();
    expect(list.items.find((r: { id: string }) => r.id === review.id)).toMatchObject({
      withdrawn: true,
      actionCount: 0,
      pendingDepartmentCount: 0,
    });
    // Audited: the review, and each item withdrawn with it.
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: "withdraw" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.entityType).sort()).toEqual(["item", "item", "review"]);

    // A withdrawn record is neither signed, edited nor added to.
    const before = await snapshot(t.db.prisma);
    for (const res of [
      await t.as("coord-zhujian")({ method: "POST", url: `/api/reviews/${review.id}/signatures` }),
      await t.as("wg")({
        method: "PATCH",
        url: `/api/reviews/${review.id}`,
        payload: { heldOn: "2026-11-02", version: 2 },
      }),
      await t.as("wg")({ method: "POST", url: `/api/reviews/${review.id}/addenda`, payload: { text: "补充" } }),
      await withdraw("admin", review.id, { reason: REASON, version: 2 }),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.current.withdrawn.reason).toBe(REASON);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses a review someone has signed (review_signed) or whose follow-up action is under way (review_has_actions)", async () => {
    const before = await snapshot(t.db.prisma);
    const signed = await withdraw("admin", ids.review, { reason: REASON, version: 1 }); // 财政 signed the demo's
    expect(signed.statusCode).toBe(400);
    expect(signed.json().error.details).toMatchObject([{ path: "params.id", reason: "review_signed" }]);
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const review = await mistaken();
    const action = review.projects[0]!.actions[1]!; // 法院's
    const moved = await t.as("coord-fayuan")({
      method: "PATCH",
      url: `/api/items/${action.itemId}`,
      payload: { status: "in_progress", version: 1 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const state = await snapshot(t.db.prisma);
    const underway = await withdraw("wg", review.id, { reason: REASON, version: review.version });
    expect(underway.statusCode).toBe(400);
    expect(underway.json().error.details).toMatchObject([
      { path: "params.id", reason: "review_has_actions", params: { count: 1 } },
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(state);
  });

  it("a withdrawal racing the first signature: they take turns on the review's row, exactly one succeeds", async () => {
    const review = await mistaken();
    const [withdrawal, signature] = await raceOnLockedRow(t.db.url, "reviews", review.id, 2, () =>
      Promise.all([
        withdraw("wg", review.id, { reason: REASON, version: review.version }),
        t.as("coord-zhujian")({ method: "POST", url: `/api/reviews/${review.id}/signatures` }),
      ]),
    );
    const statuses = [withdrawal.statusCode, signature.statusCode];
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(1);
    const row = await t.db.prisma.review.findUniqueOrThrow({
      where: { id: review.id },
      select: { withdrawnAt: true, _count: { select: { signatures: true } } },
    });
    expect(row.withdrawnAt === null).toBe(row._count.signatures === 1);
  });
});
