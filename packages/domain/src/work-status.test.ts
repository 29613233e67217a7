import { describe, expect, it } from "vitest";
import { checkTransition } from "./work-status.js";

describe("work status transitions", () => {
  it("moves forward and into and out of blocked", () => {
    expect(checkTransition("planned", "in_progress")).toEqual({ ok: true });
    expect(checkTransition("in_progress", "done", { via: "completion" })).toEqual({ ok: true });
    expect(checkTransition("in_progress", "blocked", { blockedReason: "资金未到位" })).toEqual({ ok: true });
    expect(checkTransition("blocked", "in_progress")).toEqual({ ok: true });
  });

  it("needs a reason to block", () => {
    expect(checkTransition("planned", "blocked")).toMatchObject({
      ok: false,
      reason: "reason_required",
      message: expect.stringMatching(/reason/),
    });
    expect(checkTransition("planned", "blocked", { blockedReason: "  " }).ok).toBe(false);
  });

  it("refuses illegal moves with the reason", () => {
    expect(checkTransition("blocked", "done")).toMatchObject({
      ok: false,
      reason: "transition_not_allowed",
      message: "cannot move from blocked to done",
    });
    expect(checkTransition("done", "planned").ok).toBe(false);
    expect(checkTransition("done", "in_progress").ok).toBe(false);
  });

  it("lets an administrator reopen a done record, and nothing else", () => {
    expect(checkTransition("done", "in_progress", { allowReopen: true })).toEqual({ ok: true });
    expect(checkTransition("done", "blocked", { allowReopen: true, blockedReason: "x" }).ok).toBe(false);
  });

  it("reaches done and 待复核 only by a completion; common problems reach done by their status", () => {
    for (const to of ["done", "awaiting_verification"] as const)
      expect(checkTransition("in_progress", to)).toMatchObject({ ok: false, reason: "completion_required" });
    expect(checkTransition("planned", "awaiting_verification", { via: "completion" })).toEqual({ ok: true });
    expect(checkTransition("blocked", "done", { via: "completion" }).ok).toBe(false);
    expect(checkTransition("in_progress", "done", { completionRequired: false })).toEqual({ ok: true });
    expect(checkTransition("in_progress", "awaiting_verification", { completionRequired: false }).ok).toBe(false);
  });

  it("leaves 待复核 only by the office's verification: verified → done, returned → in progress", () => {
    expect(checkTransition("awaiting_verification", "done", { via: "verification" })).toEqual({ ok: true });
    expect(checkTransition("awaiting_verification", "in_progress", { via: "verification" })).toEqual({ ok: true });
    expect(checkTransition("awaiting_verification", "in_progress")).toMatchObject({
      ok: false,
      reason: "transition_not_allowed",
    });
    expect(checkTransition("awaiting_verification", "blocked", { blockedReason: "x" }).ok).toBe(false);
    expect(checkTransition("awaiting_verification", "done", { via: "completion" }).ok).toBe(false);
    expect(checkTransition("in_progress", "done", { via: "verification" }).ok).toBe(false);
    expect(checkTransition("done", "done", { via: "completion" }).ok).toBe(false);
    expect(checkTransition("done", "done", { via: "verification" }).ok).toBe(false);
    expect(checkTransition("done", "in_progress", { via: "verification", allowReopen: true }).ok).toBe(false);
  });
});
