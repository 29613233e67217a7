import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import type { FieldReason } from "./errors.js";
import type { WorkStatus } from "./milestone.js";

/**
 * How milestones and rectification items move: planned → in_progress → done, any open
 * state → blocked (a reason is required), and back from blocked to planned or in_progress.
 * A done record stays done (a mistake is corrected by an administrator reopening it to
 * in_progress, which the caller allows explicitly).
 */
export const WORK_TRANSITIONS: Record<WorkStatus, readonly WorkStatus[]> = {
  planned: ["in_progress", "done", "blocked"],
  in_progress: ["planned", "done", "blocked"],
  blocked: ["planned", "in_progress"],
  done: [],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: FieldReason; message: string };

export function checkTransition(
  from: WorkStatus,
  to: WorkStatus,
  options: { blockedReason?: string | null; allowReopen?: boolean } = {},
): TransitionCheck {
  if (from === to) return { ok: true };
  if (from === "done" && options.allowReopen && to === "in_progress") return { ok: true };
  if (!WORK_TRANSITIONS[from].includes(to))
    return { ok: false, reason: "transition_not_allowed", message: `cannot move from ${from} to ${to}` };
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
