import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { IsoDateTimeSchema } from "./common.js";

/** The longest reason a withdrawal may give; a longer one is refused, never cut. */
export const WITHDRAW_REASON_MAX = TEXT_MAX.note;

/**
 * 撤销: a milestone, an item or a review made by mistake is withdrawn with a reason while
 * nothing depends on it. It stays (struck through) but counts nowhere. `version` is the one
 * the withdrawer saw (409 when stale).
 */
export const WithdrawSchema = z.strictObject({
  reason: z.string().trim().min(1).max(WITHDRAW_REASON_MAX),
  version: z.number().int().min(1),
});
export type Withdraw = z.infer<typeof WithdrawSchema>;

/** When, by whom (a display name) and why a record was withdrawn; null while it stands. */
export const WithdrawalSchema = z
  .object({ at: IsoDateTimeSchema, by: z.string().nullable(), reason: z.string() })
  .nullable();
export type Withdrawal = z.infer<typeof WithdrawalSchema>;
