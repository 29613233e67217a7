import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProblemQueueEntrySchema, pageOf, ReviewSchema, ReviewSummarySchema, type Review } from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const COORDS = ["coord-zhujian", "coord-fayuan", "coord-shuangtaizi", "coord-guotu", "coord-xiaofang"];
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of ["admin", "wg", "leader", ...COORDS]) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const person = async (name: string) => (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id;

/** 宏伟小区 reviewed on 2026-10-01 by 住建, 法院 and 双台子区政府 (three of the five members). */
async function hongweiReview() {
  return {
    groupId: ids.group,
    heldOn: "2026-10-01",
    attendeePersonIds: [await person("李科长（演示）"), await person("蒋庭长（演示）"), ids.zhang],
    projects: [
      {
        projectId: ids.hongwei,
        findings: "开发企业资金链断裂，工程停工两年",
        decisions: "由住建局牵头引入代建单位；法院协调解除查封",
        actions: [
          { title: "确定代建单位", departmentId: ids.zhujian, personId: ids.li, dueDate: "2026-10-15" },
          { title: "协调解除在建工程查封", departmentId: ids.fayuan, personId: ids.jiang, dueDate: "2026-12-31" },
        ],
      },
    ],
  };
}

const record = async (user = "wg") => {
  const res = await t.as(user)({ method: "POST", url: "/api/reviews", payload: await hongweiReview() });
  expect(res.statusCode, res.body).toBe(201);
  return ReviewSchema.strict().parse(res.json());
};
const sign = (user: string, id: string) => t.as(user)({ method: "POST", url: `/api/reviews/${id}/signatures` });

describe("GET /api/working-groups", () => {
  it("shows the demo's 双台子区 group: lead first, its persons and its projects", async () => {
    const res = await t.as("leader")({ url: "/api/working-groups" });
    expect(res.statusCode).toBe(200);
    const [group] = res.json();
    expect(group.leadDepartment.id).toBe(ids.zhujian);
    expect(group.departments[0].id).toBe(ids.zhujian);
    expect(group.departments).toHaveLength(5);
    expect(group.projects.map((p: { id: string }) => p.id)).toContain(ids.hongwei);
    expect(group.persons.map((p: { name: string }) => p.name)).toContain("蒋庭长（演示）");
  });
});

describe("POST /api/reviews", () => {
  it("records the review; its follow-up actions are items in the departments' My work at once", async () => {
    const review = await record();
    expect(review).toMatchObject({
      group: { id: ids.group },
      heldOn: "2026-10-01",
      createdBy: "工作组成员（演示）",
      locked: false,
      lockedAt: null,
      signatures: [],
    });
    expect(review.requiredDepartments.map((d) => d.id).sort()).toEqual(
      [ids.zhujian, ids.fayuan, ids.shuangtaizi].sort(),
    );
    expect(review.pendingDepartmentIds.sort()).toEqual([ids.zhujian, ids.fayuan, ids.shuangtaizi].sort());
    expect(review.projects[0]!.actions.map((a) => [a.title, a.department?.id, a.person?.id, a.dueDate])).toEqual([
      ["确定代建单位", ids.zhujian, ids.li, "2026-10-15"],
      ["协调解除在建工程查封", ids.fayuan, ids.jiang, "2026-12-31"],
    ]);

    const work = (await t.as("coord-zhujian")({ url: "/api/my-work" })).json();
    const entry = work.entries.find((e: { title: string }) => e.title === "确定代建单位");
    expect(entry).toMatchObject({
      type: "item",
      projectId: ids.hongwei,
      review: { id: review.id, heldOn: "2026-10-01" },
    });
    expect(entry.urgency).toBe("overdue");
    const fayuan = (await t.as("coord-fayuan")({ url: "/api/my-work" })).json();
    expect(fayuan.entries.map((e: { title: string }) => e.title)).toContain("协调解除在建工程查封");

    // The items are the project's items, with the review they came from.
    const items = (await t.as("leader")({ url: `/api/projects/${ids.hongwei}/items` })).json();
    expect(items.filter((i: { review?: { id: string } }) => i.review?.id === review.id)).toHaveLength(2);

    const audit = await t.db.prisma.auditEvent.findMany({
      where: { requestId: { not: null } },
      orderBy: { at: "asc" },
    });
    const reviewEvents = audit.filter((e) => e.entityId === review.id);
    expect(reviewEvents.map((e) => [e.action, e.projectId])).toEqual([
      ["create", null],
      ["project_reviewed", ids.hongwei],
    ]);
    expect(audit.filter((e) => e.entityType === "item" && e.action === "create")).toHaveLength(2);
    expect(reviewEvents[0]!.actorName).toBe("工作组成员（演示）");
  });

  it("refuses coordinators and leaders, and changes nothing", async () => {
    const before = await snapshot(t.db.prisma);
    for (const user of ["coord-zhujian", "leader"]) {
      const res = await t.as(user)({ method: "POST", url: "/api/reviews", payload: await hongweiReview() });
      expect(res.statusCode).toBe(403);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("says field by field what is wrong, and changes nothing", async () => {
    const xiaofang = await person("卫科长（演示）");
    const before = await snapshot(t.db.prisma);
    const cases: [string, (body: Awaited<ReturnType<typeof hongweiReview>>) => void, string][] = [
      ["attendee of a non-member department", (b) => b.attendeePersonIds.push(xiaofang), "body.attendeePersonIds.3"],
      ["future date", (b) => (b.heldOn = "2026-11-26"), "body.heldOn"],
      ["project not the group's", (b) => (b.projects[0]!.projectId = ids.xiangyang), "body.projects.0.projectId"],
      [
        "person of another department",
        (b) => (b.projects[0]!.actions[1]!.personId = ids.li),
        "body.projects.0.actions.1.personId",
      ],
      [
        "action due before the review",
        (b) => (b.projects[0]!.actions[0]!.dueDate = "2026-09-30"),
        "body.projects.0.actions.0.dueDate",
      ],
      ["empty findings", (b) => (b.projects[0]!.findings = " "), "body.projects.0.findings"],
      ["no attendees", (b) => (b.attendeePersonIds = []), "body.attendeePersonIds"],
    ];
    for (const [what, spoil, path] of cases) {
      const body = await hongweiReview();
      spoil(body);
      const res = await t.as("wg")({ method: "POST", url: "/api/reviews", payload: body });
      expect(res.statusCode, what).toBe(400);
      expect(detailPaths(res), what).toContain(path);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("sign-off (会签)", () => {
  it("each department present signs once; the last signature locks the record; then edits are refused", async () => {
    const review = await record();
    const first = await sign("coord-zhujian", review.id);
    expect(first.statusCode).toBe(201);
    const signed = ReviewSchema.parse(first.json());
    const coordZhujian = await t.db.prisma.user.findUniqueOrThrow({ where: { username: "coord-zhujian" } });
    expect(signed.signatures).toEqual([
      {
        departmentId: ids.zhujian,
        departmentName: "市住建局",
        signedBy: coordZhujian.displayName,
        signedAt: "2026-11-25T02:00:00.000Z",
      },
    ]);
    expect(signed.pendingDepartmentIds).not.toContain(ids.zhujian);

    const toSign = async (user: string) =>
      ((await t.as(user)({ url: "/api/my-work" })).json().reviewsToSign as { id: string }[]).map((r) => r.id);
    expect(await toSign("coord-zhujian")).not.toContain(review.id); // signed: off its list
    expect(await toSign("coord-fayuan")).toContain(review.id); // present, not signed yet
    expect(await toSign("coord-guotu")).not.toContain(review.id); // a member, not present
    expect(await toSign("coord-xiaofang")).toEqual([]); // not a member
    expect((await sign("coord-zhujian", review.id)).statusCode).toBe(409); // twice
    expect((await sign("coord-guotu", review.id)).statusCode).toBe(403); // a member, but not present
    expect((await sign("coord-xiaofang", review.id)).statusCode).toBe(403); // not a member
    expect((await sign("wg", review.id)).statusCode).toBe(403); // not a department's coordinator
    expect((await sign("admin", review.id)).statusCode).toBe(403);

    expect((await sign("coord-fayuan", review.id)).statusCode).toBe(201);
    const last = await sign("coord-shuangtaizi", review.id);
    expect(last.statusCode).toBe(201);
    const locked = ReviewSchema.parse(last.json());
    expect(locked).toMatchObject({ locked: true, pendingDepartmentIds: [], lockedAt: "2026-11-25T02:00:00.000Z" });
    expect(locked.signatures).toHaveLength(3);

    const before = await snapshot(t.db.prisma);
    const edit = await t.as("wg")({
      method: "PATCH",
      url: `/api/reviews/${review.id}`,
      payload: { heldOn: "2026-10-02", version: locked.version },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.current.locked).toBe(true);
    expect((await sign("coord-shuangtaizi", review.id)).statusCode).toBe(409);
    expect(await snapshot(t.db.prisma)).toEqual(before);

    // A correction is an addendum; leaders read the record.
    const addendum = await t.as("wg")({
      method: "POST",
      url: `/api/reviews/${review.id}/addenda`,
      payload: { text: "代建单位确定时限顺延至 10 月 20 日" },
    });
    expect(addendum.statusCode).toBe(201);
    const read = await t.as("leader")({ url: `/api/reviews/${review.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().addenda.map((a: { text: string }) => a.text)).toEqual(["代建单位确定时限顺延至 10 月 20 日"]);
    expect(
      (
        await t.as("coord-zhujian")({
          method: "POST",
          url: `/api/reviews/${review.id}/addenda`,
          payload: { text: "x" },
        })
      ).statusCode,
    ).toBe(403);

    const actions = (
      await t.db.prisma.auditEvent.findMany({
        where: { entityType: "review", entityId: review.id },
        orderBy: { at: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["create", "project_reviewed", "sign", "sign", "sign", "lock", "addendum"]);
  });

  it("locks when the last two departments sign at the same moment", async () => {
    const review = await record();
    expect((await sign("coord-zhujian", review.id)).statusCode).toBe(201);
    const both = await raceOnLockedRow(t.db.url, "reviews", review.id, 2, () =>
      Promise.all([sign("coord-fayuan", review.id), sign("coord-shuangtaizi", review.id)]),
    );
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    const after = ReviewSchema.parse((await t.as("leader")({ url: `/api/reviews/${review.id}` })).json());
    expect(after.locked).toBe(true);
    expect(after.lockedAt).not.toBeNull();
    expect(after.signatures).toHaveLength(3);
  });

  it("an edit before the lock withdraws the signatures given; a stale version gets 409", async () => {
    const review = await record();
    expect((await sign("coord-zhujian", review.id)).statusCode).toBe(201);
    const current = ReviewSchema.parse((await t.as("wg")({ url: `/api/reviews/${review.id}` })).json());
    const stale = await t.as("wg")({
      method: "PATCH",
      url: `/api/reviews/${review.id}`,
      payload: { heldOn: "2026-10-02", version: review.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(current.version);
    const res = await t.as("wg")({
      method: "PATCH",
      url: `/api/reviews/${review.id}`,
      payload: {
        heldOn: "2026-10-02",
        projects: [{ projectId: ids.hongwei, findings: "工程停工两年，资金缺口约 8,000 万元", decisions: "同前" }],
        version: current.version,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated: Review = ReviewSchema.parse(res.json());
    expect(updated).toMatchObject({ heldOn: "2026-10-02", signatures: [], locked: false });
    expect(updated.projects[0]!.findings).toBe("工程停工两年，资金缺口约 8,000 万元");
    expect(updated.pendingDepartmentIds).toHaveLength(3);
    // Saving the record as it is writes nothing and keeps the signatures.
    expect((await sign("coord-zhujian", review.id)).statusCode).toBe(201);
    const signedAgain = ReviewSchema.parse((await t.as("wg")({ url: `/api/reviews/${review.id}` })).json());
    const same = await t.as("wg")({
      method: "PATCH",
      url: `/api/reviews/${review.id}`,
      payload: {
        heldOn: "2026-10-02",
        attendeePersonIds: signedAgain.attendees.map((a) => a.id).reverse(),
        version: signedAgain.version,
      },
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(signedAgain);
    const late = await t.as("wg")({
      method: "PATCH",
      url: `/api/reviews/${review.id}`,
      payload: { heldOn: "2026-10-20", version: signedAgain.version },
    });
    expect(late.statusCode).toBe(400); // an action falls due before that date
    expect(detailPaths(late)).toEqual(["body.heldOn"]);
  });
});

describe("GET /api/reviews", () => {
  it("lists a project's reviews, newest first, with what is still to sign", async () => {
    const review = await record();
    const res = await t.as("leader")({ url: `/api/reviews?projectId=${ids.hongwei}` });
    expect(res.statusCode).toBe(200);
    const page = pageOf(ReviewSummarySchema.strict()).parse(res.json()); // Newest first: the demo's review of 2026-10-20 (财政 has signed), then ours of 2026-10-01.
    expect(page).toMatchObject({ total: 2, page: 1 });
    expect(page.items[0]).toMatchObject({
      heldOn: "2026-10-20",
      actionCount: 1,
      pendingDepartmentCount: 2,
      locked: false,
    });
    expect(page.items[1]).toMatchObject({ id: review.id, actionCount: 2, pendingDepartmentCount: 3, locked: false });
    // By state: locking ours leaves the demo's as the one still being signed.
    for (const user of ["coord-zhujian", "coord-fayuan", "coord-shuangtaizi"])
      expect((await sign(user, review.id)).statusCode).toBe(201);
    const listed = async (state: string) =>
      pageOf(ReviewSummarySchema)
        .parse((await t.as("leader")({ url: `/api/reviews?state=${state}` })).json())
        .items.map((r) => r.id);
    expect(await listed("locked")).toEqual([review.id]);
    expect(await listed("signing")).not.toContain(review.id);
    expect(await listed("signing")).toHaveLength(1);
    expect((await t.as("leader")({ url: "/api/reviews?state=done" })).statusCode).toBe(400);
    const none = pageOf(ReviewSummarySchema).parse(
      (await t.as("leader")({ url: `/api/reviews?projectId=${ids.xiangyang}` })).json(),
    );
    expect(none.total).toBe(0);
  });
});

describe("GET /api/problem-queue", () => {
  const queue = async (query = "") => {
    const res = await t.as("wg")({ url: `/api/problem-queue${query}` });
    expect(res.statusCode).toBe(200);
    return pageOf(ProblemQueueEntrySchema.strict()).parse(res.json());
  };

  it("lists problem projects with the last review, its open actions and the next one due; never reviewed first", async () => {
    const before = await queue();
    const hongwei = before.items.find((e) => e.projectId === ids.hongwei)!;
    expect(hongwei.reasons).toContain("individual_problem");
    expect(hongwei.reasons).toContain("blocked_items");
    // The demo's review of 2026-10-20 and its one action for 财政, due 2026-12-10; the group reviews every 30 days.
    expect(hongwei).toMatchObject({
      lastReviewedOn: "2026-10-20",
      nextReviewDue: "2026-11-19",
      daysReviewOverdue: 6,
      openActions: 1,
      overdueActions: 0,
      group: { id: ids.group },
    });
    // Every listed project has a reason to be there.
    expect(before.items.every((e) => e.reasons.length > 0)).toBe(true);

    // An earlier meeting recorded late does not move the last review date; its actions count.
    await record();
    const after = await queue();
    const reviewed = after.items.find((e) => e.projectId === ids.hongwei)!;
    expect(reviewed).toMatchObject({ lastReviewedOn: "2026-10-20", openActions: 3, overdueActions: 1 });
    // Never-reviewed projects still come first.
    const firstReviewed = after.items.findIndex((e) => e.lastReviewedOn !== null);
    expect(after.items.slice(firstReviewed).every((e) => e.lastReviewedOn !== null)).toBe(true);
  });

  it("filters by group and pages on the server", async () => {
    const grouped = await queue(`?groupId=${ids.group}`);
    expect(grouped.items.every((e) => e.group?.id === ids.group)).toBe(true);
    expect(grouped.items.map((e) => e.projectId)).toContain(ids.hongwei);
    const all = await queue();
    const page2 = await queue("?pageSize=1&page=2");
    expect(page2.items).toEqual(all.items.slice(1, 2));
    expect((await t.as("wg")({ url: "/api/problem-queue?pageSize=0" })).statusCode).toBe(400);
  });
});

describe("working groups: administrators form them", () => {
  const body = () => ({
    name: "大洼区工作组",
    leadDepartmentId: ids.dept("dawa"),
    reviewIntervalDays: 14,
    departmentIds: [ids.dept("dawa"), ids.dept("caizheng")],
    personIds: [] as string[],
    projectIds: [ids.taoliyuan],
  });

  it("creates and changes a group, with the audit trail", async () => {
    const created = await t.as("admin")({ method: "POST", url: "/api/working-groups", payload: body() });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json();
    expect(group.projects.map((p: { id: string }) => p.id)).toEqual([ids.taoliyuan]);
    const updated = await t.as("admin")({
      method: "PATCH",
      url: `/api/working-groups/${group.id}`,
      payload: { reviewIntervalDays: 21, personIds: [await person("吴科长（演示）")], version: group.version },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ reviewIntervalDays: 21, version: 2 });
    const stale = await t.as("admin")({
      method: "PATCH",
      url: `/api/working-groups/${group.id}`,
      payload: { name: "x", version: group.version },
    });
    expect(stale.statusCode).toBe(409);
    const events = await t.db.prisma.auditEvent.findMany({
      where: { entityType: "working_group", entityId: group.id },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["create", "update"]);
  });

  it("a change to nothing (a form saved twice) writes nothing: same version, no audit row", async () => {
    const group = (await t.as("admin")({ url: `/api/working-groups/${ids.group}` })).json();
    const before = await snapshot(t.db.prisma);
    const res = await t.as("admin")({
      method: "PATCH",
      url: `/api/working-groups/${ids.group}`,
      payload: {
        name: group.name,
        reviewIntervalDays: group.reviewIntervalDays,
        departmentIds: group.departments.map((d: { id: string }) => d.id).reverse(),
        projectIds: group.projects.map((p: { id: string }) => p.id),
        version: group.version,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(group);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    const events = await t.db.prisma.auditEvent.findMany({
      where: { entityType: "working_group", entityId: ids.group },
    });
    expect(events).toEqual([]);
  });

  it("refuses a lead that is not a member, a person of another department, a project of another group; and non-admins", async () => {
    const before = await snapshot(t.db.prisma);
    const cases: [(b: ReturnType<typeof body>) => void, string][] = [
      [(b) => (b.departmentIds = [ids.dept("caizheng")]), "body.departmentIds"],
      [(b) => (b.personIds = [ids.li]), "body.personIds.0"],
      [(b) => (b.projectIds = [ids.hongwei]), "body.projectIds.0"],
    ];
    for (const [spoil, path] of cases) {
      const b = body();
      spoil(b);
      const res = await t.as("admin")({ method: "POST", url: "/api/working-groups", payload: b });
      expect(res.statusCode).toBe(400);
      expect(detailPaths(res)).toContain(path);
    }
    for (const user of ["wg", "coord-zhujian", "leader"])
      expect((await t.as(user)({ method: "POST", url: "/api/working-groups", payload: body() })).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});
