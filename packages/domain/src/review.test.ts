import { describe, expect, it } from "vitest";
import { rankProblemQueue, ReviewCreateSchema, signOff, type ProblemQueueEntry } from "./review.js";

describe("sign-off (会签)", () => {
  const members = ["zhujian", "guotu", "caizheng", "fayuan", "shuangtaizi"];
  it("needs every member department present, and locks when the last has signed", () => {
    const present = ["zhujian", "fayuan", "shuangtaizi", "someone-else"];
    expect(signOff({ memberDepartmentIds: members, attendeeDepartmentIds: present, signedDepartmentIds: [] })).toEqual({
      requiredDepartmentIds: ["zhujian", "fayuan", "shuangtaizi"],
      pendingDepartmentIds: ["zhujian", "fayuan", "shuangtaizi"],
      locked: false,
    });
    const twoSigned = signOff({
      memberDepartmentIds: members,
      attendeeDepartmentIds: present,
      signedDepartmentIds: ["zhujian", "fayuan"],
    });
    expect(twoSigned).toMatchObject({ pendingDepartmentIds: ["shuangtaizi"], locked: false });
    expect(
      signOff({
        memberDepartmentIds: members,
        attendeeDepartmentIds: present,
        signedDepartmentIds: ["zhujian", "fayuan", "shuangtaizi"],
      }).locked,
    ).toBe(true);
  });

  it("never locks a record no member department attended", () => {
    expect(signOff({ memberDepartmentIds: members, attendeeDepartmentIds: [], signedDepartmentIds: [] }).locked).toBe(
      false,
    );
  });
});

describe("the problem-projects queue", () => {
  const entry = (name: string, over: Partial<ProblemQueueEntry>): ProblemQueueEntry => ({
    projectId: "00000000-0000-4000-8000-000000000000",
    projectName: name,
    district: { id: "00000000-0000-4000-8000-000000000001", name: "双台子区" },
    group: null,
    healthLevel: "red",
    reasons: ["individual_problem"],
    lastReviewedOn: "2026-10-01",
    nextReviewDue: "2026-10-31",
    openActions: 0,
    overdueActions: 0,
    daysReviewOverdue: 0,
    ...over,
  });
  it("puts the most neglected first", () => {
    const ranked = rankProblemQueue([
      entry("甲", { daysReviewOverdue: 5 }),
      entry("乙", { lastReviewedOn: null, nextReviewDue: null }),
      entry("丙", { daysReviewOverdue: 5, overdueActions: 2 }),
      entry("丁", { daysReviewOverdue: 30 }),
    ]);
    expect(ranked.map((e) => e.projectName)).toEqual(["乙", "丁", "丙", "甲"]);
  });
});

describe("recording a review", () => {
  it("needs attendees and at least one project, each once, with findings and decisions", () => {
    const result = ReviewCreateSchema.safeParse({
      groupId: "x",
      heldOn: "2026-11-25",
      attendeePersonIds: [],
      projects: [],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["groupId", "attendeePersonIds", "projects"]));
    const id = "00000000-0000-4000-8000-000000000001";
    const twice = ReviewCreateSchema.safeParse({
      groupId: id,
      heldOn: "2026-11-25",
      attendeePersonIds: [id],
      projects: [
        { projectId: id, findings: "a", decisions: "b" },
        { projectId: id, findings: "a", decisions: "b" },
      ],
    });
    expect(twice.success).toBe(false);
  });
});
