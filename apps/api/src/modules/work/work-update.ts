import { can, type Withdrawal, type WorkStatus } from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { changedFields } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { refuseIfWithdrawn } from "../../lib/withdrawal.js";
import { requireActFor, statusAction, statusChange, type StatusColumns } from "../../lib/work-rules.js";
import { requireDueDatesWithinPlan } from "../../lib/plan-window.js";

type Work = {
  projectId: string;
  dueDate: string;
  responsibleDepartmentId: string | null;
  status: WorkStatus;
  blockedReason: string | null;
  withdrawn: Withdrawal;
  version: number;
};

/**
 * A milestone or an item as a versioned record: its own planning fields, plus the status
 * fields, the project's history and the status actions (`status_done`) they share.
 */
export function workRecord<Current extends Work & Record<string, unknown>, Fields extends StatusColumns>(
  record: Omit<VersionedRecord<Current, Fields>, "action" | "auditRecord" | "projectIdOf">,
): VersionedRecord<Current, Fields> {
  return {
    ...record,
    fieldsOf: (w) => ({ ...record.fieldsOf(w), status: w.status, blockedReason: w.blockedReason }),
    action: statusAction,
    auditRecord: changedWork,
    projectIdOf: (w) => w.projectId,
  };
}

type StatusMove = { version: number; status?: WorkStatus; note?: string };

/** A work record's status columns, with what a completion and its verification wrote (cleared on reopening). */
export type WorkColumns = StatusColumns & {
  completedOn: Date | null;
  completionNote: string | null;
  verifiedAt: Date | null;
  verifiedById: string | null;
};

/** An administrator reopening done work takes its completion back with its status. */
const reopened = (from: WorkStatus, moved: Partial<StatusColumns>): Partial<WorkColumns> =>
  from === "done" && moved.status === "in_progress"
    ? { ...moved, completedOn: null, completionNote: null, verifiedAt: null, verifiedById: null }
    : moved;

/**
 * A milestone's or an item's update: its status moves for the responsible department's
 * coordinator (and the office and the working group); its plan changes for the office and
 * the working group only. `plan` turns the planning fields into the values to write.
 */
export function updateWork<Current extends Work, Fields extends WorkColumns, Planning extends object>(
  ctx: ServiceContext,
  record: VersionedRecord<Current, Fields>,
  { id, changes: { version, status, note, ...planning } }: { id: string; changes: StatusMove & Planning },
  plan: (planning: Planning, current: Current, tx: Tx) => Partial<Fields> | Promise<Partial<Fields>>,
): Promise<Current> {
  const { user } = ctx.actor;
  return updateVersioned(ctx, record, {
    id,
    version,
    authorize: (current) => {
      requireActFor(user, "work.update", [current.responsibleDepartmentId]);
      refuseIfWithdrawn(record.what, current);
    },
    next: async (current, tx) => {
      if (Object.keys(planning).length > 0 && !can(user, "work.plan"))
        throw AppError.forbidden("Only the office and the working group change the plan");
      // A new due date lies within the plan's window; one already stored is not judged again.
      const { dueDate } = planning as { dueDate?: string };
      if (dueDate !== current.dueDate)
        await requireDueDatesWithinPlan(tx, ctx.clock, [{ path: "body.dueDate", date: dueDate }]);
      const moved = reopened(current.status, statusChange(current, status, note, user, ctx.clock.now()));
      return { ...(await plan(planning as Planning, current, tx)), ...moved } as Partial<Fields>;
    },
    remark: note ? { note } : undefined,
  });
}

/** The audit of a milestone's or an item's change: what changed, and the project it belongs to. */
function changedWork<T extends Record<string, unknown> & { projectId: string }>(before: T, after: T) {
  const diff = changedFields(before, after);
  return { before: { ...diff.before, projectId: before.projectId }, after: diff.after };
}
