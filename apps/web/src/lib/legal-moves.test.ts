import { describe, expect, it } from "vitest";
import { canReapply, legalMoves } from "./legal-moves";

describe("legalMoves", () => {
  it("offers the forward moves and blocking from open work; done only through a completion", () => {
    expect(legalMoves("planned")).toEqual(["in_progress", "blocked"]);
    expect(legalMoves("in_progress")).toEqual(["planned", "blocked"]);
    // A common problem has no completion: it reaches done by its status.
    expect(legalMoves("in_progress", { completionRequired: false })).toEqual(["planned", "done", "blocked"]);
  });

  it("offers no move from work awaiting verification (复核 decides)", () => {
    expect(legalMoves("awaiting_verification")).toEqual([]);
    expect(legalMoves("awaiting_verification", { allowReopen: true })).toEqual([]);
  });

  it("leads blocked work back to planned or in progress only", () => {
    expect(legalMoves("blocked")).toEqual(["planned", "in_progress"]);
  });

  it("keeps done final, except that an administrator may reopen it", () => {
    expect(legalMoves("done")).toEqual([]);
    expect(legalMoves("done", { allowReopen: true })).toEqual(["in_progress"]);
  });
});

describe("canReapply", () => {
  it("re-applies a change that is still a legal move", () => {
    expect(canReapply("planned", { status: "in_progress" })).toBe(true);
    expect(canReapply("planned", { status: "done" }, { completionRequired: false })).toBe(true);
    expect(canReapply("in_progress", { status: "blocked", note: "缺资金" })).toBe(true);
  });

  it("refuses when the record already has that status or the move is no longer allowed", () => {
    expect(canReapply("done", { status: "done" })).toBe(false);
    expect(canReapply("done", { status: "blocked", note: "缺资金" })).toBe(false);
    expect(canReapply("planned", { status: "blocked" })).toBe(false);
    expect(canReapply("blocked", { status: "done" })).toBe(false);
    expect(canReapply("planned", { status: "done" })).toBe(false);
  });
});
