import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import type { FieldReason } from "./errors.js";
import type { WorkStatus } from "./milestone.js";

/**
 * How milestones and rectification items move: planned → in_progress → done, any open
 * state → blocked (a reason is required), and back from blocked to planned or in_progress.
 * Done and 待复核 (`awaiting_verification`) are reached only by a completion (its date and
 * note, `POST …/completion`); 待复核 leaves only by the office's verification: verified →
 * done, returned → in_progress. A done record stays done (a mistake is corrected by an
 * administrator reopening it to in_progress, which the caller allows explicitly).
 */
export const WORK_TRANSITIONS: Record<WorkStatus, readonly WorkStatus[]> = {
  planned: ["in_progress", "done", "awaiting_verification", "blocked"],
  in_progress: ["planned", "done", "awaiting_verification", "blocked"],
  blocked: ["planned", "in_progress"],
  awaiting_verification: ["done", "in_progress"],
  done: [],
};

/** The statuses a completion reaches: done, or 待复核 when the record's kind needs the office's verification. */
export const COMPLETED_STATUSES: readonly WorkStatus[] = ["done", "awaiting_verification"];

/** Whether work counts as done: 待复核 does not (it stays open, and overdue when past due). */
export const isDone = (status: WorkStatus) => status === "done";

export type TransitionCheck = { ok: true } | { ok: false; reason: FieldReason; message: string };

/**
 * How a status is being moved: a bare status change (`move`, a PATCH), a completion with
 * its date and note (`completion`), or the office's verification of one (`verification`).
 */
export type TransitionVia = "move" | "completion" | "verification";

export function checkTransition(
  from: WorkStatus,
  to: WorkStatus,
  options: {
    blockedReason?: string | null;
    allowReopen?: boolean;
    via?: TransitionVia;
    /**
     * Whether done needs a completion (milestones and items: yes, the default). Common
     * problems move to done by their status alone; none of them ever awaits verification.
     */
    completionRequired?: boolean;
  } = {},
): TransitionCheck {
  const { via = "move", completionRequired = true } = options;
  // A status move to the status it has changes nothing; completing done work again, or verifying it again, is refused.
  if (from === to)
    return via === "move" ? { ok: true } : { ok: false, reason: "transition_not_allowed", message: `already ${from}` };
  if (from === "done" && options.allowReopen && to === "in_progress" && via === "move") return { ok: true };
  if (!WORK_TRANSITIONS[from].includes(to))
    return { ok: false, reason: "transition_not_allowed", message: `cannot move from ${from} to ${to}` };
  if (from === "awaiting_verification" && via !== "verification")
    return {
      ok: false,
      reason: "transition_not_allowed",
      message: "awaiting the office's verification (复核): only a verification moves it",
    };
  if (via === "verification" && from !== "awaiting_verification")
    return { ok: false, reason: "transition_not_allowed", message: "only a record awaiting verification is verified" };
  if (to === "awaiting_verification" && via !== "completion")
    return { ok: false, reason: "completion_required", message: "a completion (date and note) is required" };
  if (to === "done" && via === "move" && completionRequired)
    return {
      ok: false,
      reason: "completion_required",
      message: "record the completion with its date and note (POST …/completion), not a status change",
    };
  if (to === "blocked" && !options.blockedReason?.trim())
    return { ok: false, reason: "reason_required", message: "a blocked record needs the reason it is blocked" };
  return { ok: true };
}

/** The body of a status update: the new status, a note (the reason, when blocking), the version seen. */
export const StatusUpdateSchema = z.object({
  status: z.enum(["planned", "in_progress", "done", "blocked"]),
  note: z.string().trim().max(TEXT_MAX.note).optional(),
  version: z.number().int().min(1),
});
export type StatusUpdate = z.infer<typeof StatusUpdateSchema>;
