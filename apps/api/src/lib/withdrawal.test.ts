import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { presentWithdrawal, refuseIfWithdrawn } from "./withdrawal.js";

// A withdrawn (撤销) milestone, item or review changes no more; how a withdrawal is presented.

describe("refuseIfWithdrawn", () => {
  it("lets a standing record through", () => {
    expect(() => refuseIfWithdrawn("Milestone", { withdrawn: null })).not.toThrow();
  });

  it("answers 409 with the record as it is for a withdrawn one", () => {
    const current = { id: "m1", withdrawn: { at: "2026-11-25T02:00:00.000Z", by: "管理员", reason: "重复" } };
    let error: unknown;
    try {
      refuseIfWithdrawn("Milestone", current);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "CONFLICT",
      statusCode: 409,
      message: "Milestone was withdrawn; make a new one instead",
      current,
    });
  });
});

describe("presentWithdrawal", () => {
  it("is null while the record stands", () => {
    expect(presentWithdrawal({ withdrawnAt: null, withdrawReason: null, withdrawnBy: null })).toBeNull();
  });

  it("says when, by whom and why", () => {
    expect(
      presentWithdrawal({
        withdrawnAt: new Date("2026-11-25T02:00:00Z"),
        withdrawReason: "重复录入",
        withdrawnBy: { displayName: "管理员" },
      }),
    ).toEqual({ at: "2026-11-25T02:00:00.000Z", by: "管理员", reason: "重复录入" });
  });

  it("shows no name for a withdrawal whose account is gone, and an empty reason rather than none", () => {
    expect(
      presentWithdrawal({ withdrawnAt: new Date("2026-11-25T02:00:00Z"), withdrawReason: null, withdrawnBy: null }),
    ).toEqual({ at: "2026-11-25T02:00:00.000Z", by: null, reason: "" });
  });
});
