import { describe, expect, it } from "vitest";
import {
  checkHouseholdMove,
  fictionalIdNumber,
  HouseholdCreateSchema,
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
