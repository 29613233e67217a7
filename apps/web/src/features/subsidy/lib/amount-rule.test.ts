import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { yuanAmountRule } from "./amount-rule";

const t = ((key: string, values?: { max?: string }) => (values?.max ? `${key} ${values.max}` : key)) as TFunction;
const check = (value: string) =>
  (yuanAmountRule(t) as { validator: (rule: unknown, value: string) => Promise<void> }).validator({}, value);

describe("yuanAmountRule", () => {
  it("takes yuan as people write them, to the fen", async () => {
    for (const value of ["800", "800.5", "800.50", "1,234.56", "10000000"])
      await expect(check(value)).resolves.toBeUndefined();
  });

  it("refuses what is not a positive amount in whole fen, never rounding it", async () => {
    for (const value of ["-5", "0", "0.00", "3.555", "abc", "8e2"])
      await expect(check(value)).rejects.toThrow("subsidy.amountInvalid");
  });

  it("refuses more than the ledger takes in one amount, naming the limit", async () => {
    await expect(check("10000000.01")).rejects.toThrow("subsidy.amountTooBig 10,000,000.00");
    await expect(check("99999999999")).rejects.toThrow("subsidy.amountTooBig");
  });
});
