import { describe, expect, it } from "vitest";
import { isDueSoon, isOverdue, urgencyOf } from "./work.js";

const today = "2026-12-01";

describe("overdue and due soon, defined once", () => {
  it("overdue: not done and due before today; due today is not overdue", () => {
    expect(isOverdue({ status: "in_progress", dueDate: "2026-11-30" }, today)).toBe(true);
    expect(isOverdue({ status: "blocked", dueDate: "2020-01-01" }, today)).toBe(true);
    expect(isOverdue({ status: "planned", dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-11-30" }, today)).toBe(false);
    // 待复核 is not done: awaiting the office's verification, it stays overdue.
    expect(isOverdue({ status: "awaiting_verification", dueDate: "2026-11-30" }, today)).toBe(true);
  });

  it("due soon: today up to the window's last day, open work only", () => {
    expect(isDueSoon({ status: "planned", dueDate: today }, today)).toBe(true);
    expect(isDueSoon({ status: "planned", dueDate: "2026-12-15" }, today)).toBe(true);
    expect(isDueSoon({ status: "planned", dueDate: "2026-12-16" }, today)).toBe(false);
    expect(isDueSoon({ status: "done", dueDate: "2026-12-02" }, today)).toBe(false);
    expect(isDueSoon({ status: "planned", dueDate: "2026-12-03" }, today, 1)).toBe(false);
  });

  it("urgency sorts each record into exactly one of the three", () => {
    expect(urgencyOf({ status: "planned", dueDate: "2026-11-01" }, today)).toBe("overdue");
    expect(urgencyOf({ status: "planned", dueDate: "2026-12-10" }, today)).toBe("due_soon");
    expect(urgencyOf({ status: "planned", dueDate: "2027-01-10" }, today)).toBe("later");
    expect(urgencyOf({ status: "done", dueDate: "2026-11-01" }, today)).toBe("later");
  });
});
