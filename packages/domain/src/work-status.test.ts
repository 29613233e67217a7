import { describe, expect, it } from "vitest";
import { checkTransition } from "./work-status.js";

describe("work status transitions", () => {
  it("moves forward and into and out of blocked", () => {
    expect(checkTransition("planned", "in_progress")).toEqual({ ok: true });
    expect(checkTransition("in_progress", "done")).toEqual({ ok: true });
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
});
