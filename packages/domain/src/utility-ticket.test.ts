import { describe, expect, it } from "vitest";
import { checkTicketMove, inHeatingSeason, isTicketOpen, ticketDeadline, ticketMovesFrom } from "./utility-ticket.js";

const at = (iso: string) => new Date(iso);

describe("the heating season (1 Nov – 31 Mar, China's calendar day)", () => {
  it("starts on 1 November in China, while it is still 31 October in UTC", () => {
    expect(inHeatingSeason(at("2026-10-31T15:59:00Z"))).toBe(false); // 23:59 on 31 Oct in China
    expect(inHeatingSeason(at("2026-10-31T16:00:00Z"))).toBe(true); // 00:00 on 1 Nov in China
  });
  it("ends with 31 March and spans the new year", () => {
    expect(inHeatingSeason(at("2027-01-15T04:00:00Z"))).toBe(true);
    expect(inHeatingSeason(at("2027-03-31T15:59:00Z"))).toBe(true);
    expect(inHeatingSeason(at("2027-03-31T16:00:00Z"))).toBe(false); // 1 April in China
  });
});

describe("ticketDeadline", () => {
  it("gives heating 24 hours in season and 7 days out of it; water and power 48 hours; the rest 7 days", () => {
    const winter = at("2026-12-01T02:00:00Z");
    const summer = at("2026-07-01T02:00:00Z");
    expect(ticketDeadline("heating", winter).toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(ticketDeadline("heating", summer).toISOString()).toBe("2026-07-08T02:00:00.000Z");
    expect(ticketDeadline("water", summer).toISOString()).toBe("2026-07-03T02:00:00.000Z");
    expect(ticketDeadline("power", winter).toISOString()).toBe("2026-12-03T02:00:00.000Z");
    expect(ticketDeadline("other", winter).toISOString()).toBe("2026-12-08T02:00:00.000Z");
  });
  it("follows the standards it is given", () => {
    const standards = {
      heating: { inSeasonHours: 12, offSeasonHours: 72 },
      water: { inSeasonHours: 48, offSeasonHours: 48 },
      power: { inSeasonHours: 48, offSeasonHours: 48 },
      other: { inSeasonHours: 168, offSeasonHours: 168 },
    };
    expect(ticketDeadline("heating", at("2026-12-01T02:00:00Z"), standards).toISOString()).toBe(
      "2026-12-01T14:00:00.000Z",
    );
  });
});

describe("checkTicketMove", () => {
  it("moves forward, is confirmed by the household, and reopens only with a reason", () => {
    expect(checkTicketMove("open", "in_progress")).toEqual({ ok: true, reopen: false });
    expect(checkTicketMove("in_progress", "resolved")).toEqual({ ok: true, reopen: false });
    expect(checkTicketMove("resolved", "confirmed")).toEqual({ ok: true, reopen: false });
    expect(checkTicketMove("resolved", "open")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkTicketMove("confirmed", "open", "又停暖了")).toEqual({ ok: true, reopen: true });
    expect(checkTicketMove("open", "confirmed")).toMatchObject({ ok: false, reason: "transition_not_allowed" });
  });
});

describe("the ticket's moves, every pair", () => {
  const STATUSES = ["open", "in_progress", "resolved", "confirmed"] as const;
  const ALLOWED: Record<(typeof STATUSES)[number], string[]> = {
    open: ["in_progress", "resolved"],
    in_progress: ["resolved"],
    resolved: ["confirmed", "open"],
    confirmed: ["open"],
  };

  it("allows what the table says (and offers the same), refusing the rest with both ends named", () => {
    for (const from of STATUSES) {
      expect(ticketMovesFrom(from)).toEqual(ALLOWED[from]);
      for (const to of STATUSES)
        if (ALLOWED[from].includes(to))
          expect(checkTicketMove(from, to, "原因"), `${from} → ${to}`).toEqual({ ok: true, reopen: to === "open" });
        else
          expect(checkTicketMove(from, to, "原因"), `${from} → ${to}`).toEqual({
            ok: false,
            reason: "transition_not_allowed",
            message: `a ticket does not move from ${from} to ${to}`,
          });
    }
  });

  it("takes blanks for no reason to reopen", () => {
    expect(checkTicketMove("confirmed", "open", "  ")).toEqual({
      ok: false,
      reason: "reason_required",
      message: "reopening needs the reason",
    });
  });

  it("counts a ticket open until resolved", () => {
    expect(STATUSES.filter(isTicketOpen)).toEqual(["open", "in_progress"]);
  });

  it("gives the rest 7 days out of the heating season too", () => {
    expect(ticketDeadline("other", at("2026-07-01T02:00:00Z")).toISOString()).toBe("2026-07-08T02:00:00.000Z");
  });
});
