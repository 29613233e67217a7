import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkHouseholdMove,
  fictionalIdNumber,
  HOUSEHOLD_STATE_WORDS,
  HOUSEHOLD_STATES,
  HouseholdCreateSchema,
  isSettled,
  type HouseholdState,
  idNumberProblem,
  maskIdNumber,
  maskPhone,
} from "./household.js";

const TODAY = "2026-11-25";

describe("idNumberProblem (GB 11643)", () => {
  it("accepts the standard's own example and a number ending in X", () => {
    expect(idNumberProblem("11010519491231002X", TODAY)).toBeNull();
    expect(idNumberProblem("440524188001010014", TODAY)).toBe("birth_date"); // 1880: before 1900
    expect(idNumberProblem(fictionalIdNumber(1), TODAY)).toBeNull();
  });

  it("refuses a wrong check digit, a lower-case x, a short number and an impossible birth date", () => {
    expect(idNumberProblem("110105194912310021", TODAY)).toBe("check_digit");
    expect(idNumberProblem("11010519491231002x", TODAY)).toBe("format");
    expect(idNumberProblem("1101051949123100", TODAY)).toBe("format");
    expect(idNumberProblem("999999" + "19700230" + "0010", TODAY)).toBe("birth_date"); // 30 February
    expect(idNumberProblem(fictionalIdNumber(2, "20261126"), TODAY)).toBe("birth_date"); // born tomorrow
  });

  it("the schema reads spaces and a lower-case x, then checks; it corrects nothing else", () => {
    const parsed = HouseholdCreateSchema.safeParse({
      headName: "张三（演示）",
      idNumber: " 110105 19491231 002x ",
      address: "学府园二期 1 号楼",
      areaM2: 89.5,
      approach: "on_site_rebuild",
    });
    expect(parsed.success && parsed.data.idNumber).toBe("11010519491231002X");
    const bad = HouseholdCreateSchema.safeParse({
      headName: "张三",
      idNumber: "110105194912310021",
      address: "x",
      areaM2: 89.555,
      approach: "on_site_rebuild",
    });
    expect(bad.success).toBe(false);
    expect(
      bad.error!.issues.map((i) => [i.path.join("."), (i as { params?: { reason?: string } }).params?.reason]),
    ).toEqual([
      ["idNumber", "id_number_invalid"],
      ["areaM2", "invalid_format"],
    ]);
  });
});

describe("masking", () => {
  it("keeps the area code and the last four of an ID number, the ends of a mobile number", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("0427-2812345")).toBe("*******2345");
  });
});

describe("checkHouseholdMove", () => {
  it("goes forward, skipping steps, and to money from any state before moving back", () => {
    expect(checkHouseholdMove("waiting", "allocated")).toEqual({ ok: true, backwards: false });
    expect(checkHouseholdMove("contracted", "moved_back")).toEqual({ ok: true, backwards: false });
    expect(checkHouseholdMove("allocated", "monetary")).toEqual({ ok: true, backwards: false });
  });

  it("needs a reason to go back, out of money, or from moved back to money; refuses staying", () => {
    expect(checkHouseholdMove("moved_back", "keys_handed")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkHouseholdMove("moved_back", "keys_handed", "误录")).toEqual({ ok: true, backwards: true });
    expect(checkHouseholdMove("monetary", "waiting")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkHouseholdMove("moved_back", "monetary")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkHouseholdMove("waiting", "waiting")).toMatchObject({ ok: false, reason: "transition_not_allowed" });
  });
});

describe("checkHouseholdMove, every pair", () => {
  // The road 待回迁 → 已选房 → 已签约 → 已交钥匙 → 已回迁, with 货币补偿 beside it: "f" forward (no
  // reason), "b" back (a reason), "-" staying. Rows are from, columns to, in HOUSEHOLD_STATES' order.
  const MOVES: Record<HouseholdState, string> = {
    waiting: "-ffff f",
    allocated: "b-fff f",
    contracted: "bb-ff f",
    keys_handed: "bbb-f f",
    moved_back: "bbbb- b",
    monetary: "bbbbb -",
  };

  it("goes forward freely, back only with a reason, and never stays", () => {
    for (const from of HOUSEHOLD_STATES)
      HOUSEHOLD_STATES.forEach((to, i) => {
        const kind = MOVES[from].replace(" ", "")[i];
        const bare = checkHouseholdMove(from, to);
        const reasoned = checkHouseholdMove(from, to, "误录");
        if (kind === "f") {
          expect(bare, `${from} → ${to}`).toEqual({ ok: true, backwards: false });
        } else if (kind === "b") {
          expect(bare, `${from} → ${to}`).toEqual({
            ok: false,
            reason: "reason_required",
            message: `going back from ${from} to ${to} needs the reason`,
          });
          expect(reasoned, `${from} → ${to} with a reason`).toEqual({ ok: true, backwards: true });
        } else {
          expect(reasoned).toEqual({ ok: false, reason: "transition_not_allowed", message: `already ${from}` });
        }
      });
  });

  it("takes a reason of blanks for none", () => {
    expect(checkHouseholdMove("keys_handed", "contracted", "  ")).toMatchObject({
      ok: false,
      reason: "reason_required",
    });
  });

  it("counts moved back and settled in money as moved back, nothing else", () => {
    expect(HOUSEHOLD_STATES.filter(isSettled)).toEqual(["moved_back", "monetary"]);
  });

  it("names each state in the registry keepers' words (the import reads them, exports print them)", () => {
    expect(HOUSEHOLD_STATES.map((s) => HOUSEHOLD_STATE_WORDS[s])).toEqual([
      "待回迁",
      "已选房",
      "已签约",
      "已交钥匙",
      "已回迁",
      "货币补偿",
    ]);
  });
});

describe("idNumberProblem, its edges", () => {
  it("takes the whole string: nothing before or after the 18 characters", () => {
    expect(idNumberProblem("011010519491231002X", TODAY)).toBe("format");
    expect(idNumberProblem("11010519491231002X1", TODAY)).toBe("format");
  });

  it("accepts a birth on 1900-01-01 and on today, not the day before 1900 or tomorrow", () => {
    expect(idNumberProblem(fictionalIdNumber(3, "19000101"), TODAY)).toBeNull();
    expect(idNumberProblem(fictionalIdNumber(4, "18991231"), TODAY)).toBe("birth_date");
    expect(idNumberProblem(fictionalIdNumber(5, "20261125"), TODAY)).toBeNull();
    expect(idNumberProblem(fictionalIdNumber(6, "20261126"), TODAY)).toBe("birth_date");
  });

  describe("the schema, without a clock, reads today in China", () => {
    afterEach(() => vi.useRealTimers());
    const household = (idNumber: string) => ({
      headName: "张三",
      idNumber,
      address: "x",
      areaM2: 80,
      approach: "on_site_rebuild",
    });

    it("accepts a baby born today in China while it is still yesterday in UTC, not one born tomorrow", () => {
      vi.useFakeTimers({ now: new Date("2026-11-25T17:00:00Z"), toFake: ["Date"] }); // 26th, 01:00 in China
      expect(HouseholdCreateSchema.safeParse(household(fictionalIdNumber(7, "20261126"))).success).toBe(true);
      expect(HouseholdCreateSchema.safeParse(household(fictionalIdNumber(8, "20261127"))).success).toBe(false);
    });
  });
});

describe("masking, its edges", () => {
  it("masks all of an ID number that is not 18 characters", () => {
    expect(maskIdNumber("1101051949")).toBe("******");
  });

  it("reads a mobile number only as 11 digits starting with 1; keeps no more than the last four otherwise", () => {
    expect(maskPhone("013812345678")).toBe("********5678");
    expect(maskPhone("138123456789")).toBe("********6789");
    expect(maskPhone("12345")).toBe("*2345");
    expect(maskPhone("1234")).toBe("****");
    expect(maskPhone("12")).toBe("****");
  });
});
