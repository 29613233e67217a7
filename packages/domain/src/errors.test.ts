import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reasonOfIssue, refusal } from "./errors.js";

const firstIssue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe("reasonOfIssue", () => {
  it("takes zod's code and the figures a message needs", () => {
    expect(reasonOfIssue(firstIssue(z.string().max(3), "abcd"))).toEqual({
      reason: "too_big",
      params: { maximum: 3, inclusive: true, origin: "string" },
    });
    expect(reasonOfIssue(firstIssue(z.number().int(), "x"))).toMatchObject({ reason: "invalid_type" });
  });

  it("takes a refinement's own reason and params", () => {
    const schema = z.number().refine((n) => n !== 0, refusal("zero", "cannot be 0", undefined, { minimum: 1 }));
    expect(reasonOfIssue(firstIssue(schema, 0))).toEqual({ reason: "zero", params: { minimum: 1 } });
  });

  it("an unknown code or reason is 'custom', never a guess", () => {
    expect(reasonOfIssue({ code: "custom", params: { reason: "no_such_reason" } })).toEqual({ reason: "custom" });
    expect(reasonOfIssue({ code: "something_new" })).toEqual({ reason: "custom" });
  });
});
