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

describe("work status transitions, every pair", () => {
  const STATUSES = ["planned", "in_progress", "blocked", "awaiting_verification", "done"] as const;
  // A bare status move (a PATCH), with a reason given: "ok", "not" (transition_not_allowed) or
  // "completion" (completion_required). Rows are from, columns to, in STATUSES' order.
  const MOVE: Record<(typeof STATUSES)[number], string[]> = {
    planned: ["ok", "ok", "ok", "completion", "completion"],
    in_progress: ["ok", "ok", "ok", "completion", "completion"],
    blocked: ["ok", "ok", "ok", "not", "not"],
    awaiting_verification: ["not", "not", "not", "ok", "not"],
    done: ["not", "not", "not", "not", "ok"],
  };
  const REASON = { not: "transition_not_allowed", completion: "completion_required" } as const;

  it("moves by a status change exactly as the table says", () => {
    for (const from of STATUSES)
      STATUSES.forEach((to, i) => {
        const expected = MOVE[from][i] as "ok" | keyof typeof REASON;
        const check = checkTransition(from, to, { blockedReason: "资金未到位" });
        if (expected === "ok") expect(check, `${from} → ${to}`).toEqual({ ok: true });
        else expect(check, `${from} → ${to}`).toMatchObject({ ok: false, reason: REASON[expected] });
      });
  });

  it("completes once: a completion or a verification to the status it has is refused, naming it", () => {
    for (const via of ["completion", "verification"] as const)
      expect(checkTransition("awaiting_verification", "awaiting_verification", { via })).toEqual({
        ok: false,
        reason: "transition_not_allowed",
        message: "already awaiting_verification",
      });
  });

  it("says why, for people, in each refusal", () => {
    expect(checkTransition("awaiting_verification", "done")).toMatchObject({
      message: "awaiting the office's verification (复核): only a verification moves it",
    });
    expect(checkTransition("blocked", "in_progress", { via: "verification" })).toEqual({
      ok: false,
      reason: "transition_not_allowed",
      message: "only a record awaiting verification is verified",
    });
    expect(checkTransition("planned", "awaiting_verification")).toMatchObject({
      message: "a completion (date and note) is required",
    });
    expect(checkTransition("planned", "done")).toMatchObject({
      message: "record the completion with its date and note (POST …/completion), not a status change",
    });
  });

  it("lets an administrator reopen only done work, and only to in progress by a status change", () => {
    expect(checkTransition("awaiting_verification", "in_progress", { allowReopen: true }).ok).toBe(false);
    expect(checkTransition("done", "planned", { allowReopen: true }).ok).toBe(false);
    expect(checkTransition("done", "in_progress", { allowReopen: true, via: "completion" }).ok).toBe(false);
  });
});
