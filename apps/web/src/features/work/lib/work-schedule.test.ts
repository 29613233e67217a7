import { isOverdue, type Milestone } from "@resettle/domain";
import { describe, expect, it } from "vitest";
import { daysOverdue, sortByDueDate } from "./work-schedule";
import { noCompletion } from "../../../test/work.fixture";

const base: Milestone = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  projectId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  ...noCompletion,
  kind: "construction",
  title: "主体封顶",
  dueDate: "2019-06-30",
  status: "in_progress",
  responsibleDepartmentId: null,
  responsiblePersonId: null,
  completedAt: null,
  completedBy: null,
  blockedReason: null,
  version: 1,
  withdrawn: null,
};

describe("milestone schedule", () => {
  it("counts an open milestone past its due date as overdue", () => {
    expect(isOverdue(base, "2019-07-01")).toBe(true);
    expect(daysOverdue(base, "2019-07-10")).toBe(10);
  });
  it("is not overdue on the due date itself", () => {
    expect(isOverdue(base, "2019-06-30")).toBe(false);
    expect(daysOverdue(base, "2019-06-30")).toBe(0);
  });
  it("never counts a done milestone as overdue", () => {
    expect(isOverdue({ ...base, status: "done" }, "2020-01-01")).toBe(false);
  });
  it("counts a blocked milestone as overdue", () => {
    expect(isOverdue({ ...base, status: "blocked" }, "2020-01-01")).toBe(true);
  });
  it("sorts by due date", () => {
    const later = { ...base, id: "a", dueDate: "2020-03-01" };
    const earlier = { ...base, id: "b", dueDate: "2018-11-15" };
    expect(sortByDueDate([later, base, earlier]).map((m) => m.dueDate)).toEqual([
      "2018-11-15",
      "2019-06-30",
      "2020-03-01",
    ]);
  });
});
