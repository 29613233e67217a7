import { describe, expect, it } from "vitest";
import type { SessionUser } from "@resettle/domain";
import { AppError } from "./app-error.js";
import { requireActFor, statusAction, statusChange } from "./work-rules.js";

// The guards every work service calls, without a database: who may act for a department,
// and what a status move writes. The routes' tests prove the same through HTTP; these pin
// each branch (and are what the mutation run, `pnpm mutation`, runs against this file).

const user = (role: SessionUser["role"], departmentId: string | null = null): SessionUser => ({
  id: `${role}-id`,
  username: role,
  displayName: role,
  role,
  departmentId,
});
const coordinator = user("coordinator", "dept-a");
const now = new Date("2026-11-25T02:00:00Z");

/** What the call threw, as an AppError (fails the test when it threw nothing or something else). */
function thrown(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

describe("requireActFor", () => {
  it("lets a coordinator act for a record its department is responsible for, among others", () => {
    expect(() => requireActFor(coordinator, "work.update", [null, "dept-b", "dept-a"])).not.toThrow();
  });

  it("refuses a coordinator of another department, saying it is the department", () => {
    const error = thrown(() => requireActFor(coordinator, "work.update", ["dept-b", undefined]));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.statusCode).toBe(403);
    expect(error.message).toBe("Your department is not responsible for this");
  });

  it("refuses a coordinator without a department even for a record without one", () => {
    expect(thrown(() => requireActFor(user("coordinator"), "work.update", [null])).code).toBe("FORBIDDEN");
  });

  it("refuses a role without the capability, saying it is the role", () => {
    const error = thrown(() => requireActFor(user("leader"), "work.update", []));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Not allowed for your role");
  });

  it("lets other roles with the capability act whatever the departments", () => {
    expect(() => requireActFor(user("working_group", "dept-wg"), "work.update", ["dept-b"])).not.toThrow();
    expect(() => requireActFor(user("admin"), "notices.issue", [])).not.toThrow();
  });
});

describe("statusChange", () => {
  it("writes nothing when no status is given or it is the same", () => {
    expect(statusChange({ status: "planned" }, undefined, undefined, coordinator, now)).toEqual({});
    expect(statusChange({ status: "blocked" }, "blocked", "still", coordinator, now)).toEqual({});
  });

  it("moves to in progress, clearing the reason and the completion", () => {
    expect(statusChange({ status: "blocked" }, "in_progress", undefined, coordinator, now)).toEqual({
      status: "in_progress",
      blockedReason: null,
      completedAt: null,
      completedById: null,
    });
  });

  it("blocks with the note, trimmed, as the reason", () => {
    expect(statusChange({ status: "in_progress" }, "blocked", "  no permit yet ", coordinator, now)).toEqual({
      status: "blocked",
      blockedReason: "no permit yet",
      completedAt: null,
      completedById: null,
    });
  });

  it("refuses to block without a reason, on body.note", () => {
    const error = thrown(() => statusChange({ status: "planned" }, "blocked", "  ", coordinator, now));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([
      { path: "body.note", reason: "reason_required", message: "a blocked record needs the reason it is blocked" },
    ]);
  });

  it("refuses done by a bare status move when a completion is required, on body.status", () => {
    const error = thrown(() => statusChange({ status: "in_progress" }, "done", undefined, coordinator, now));
    expect(error.details).toMatchObject([{ path: "body.status", reason: "completion_required" }]);
  });

  it("records who and when on done when the record moves to done by its status", () => {
    const change = statusChange({ status: "in_progress" }, "done", undefined, coordinator, now, {
      completionRequired: false,
    });
    expect(change).toEqual({ status: "done", blockedReason: null, completedAt: now, completedById: "coordinator-id" });
  });

  it("lets only an administrator reopen done work", () => {
    expect(statusChange({ status: "done" }, "in_progress", undefined, user("admin"), now)).toMatchObject({
      status: "in_progress",
      completedAt: null,
    });
    const error = thrown(() => statusChange({ status: "done" }, "in_progress", undefined, user("working_group"), now));
    expect(error.details).toMatchObject([{ path: "body.status", reason: "transition_not_allowed" }]);
  });
});

describe("statusAction", () => {
  it("names the status a change moves to, or update", () => {
    expect(statusAction({ status: "blocked" })).toBe("status_blocked");
    expect(statusAction({})).toBe("update");
  });
});
