import {
  checkTransition,
  DEFAULT_VERIFICATION,
  verificationKindOf,
  type AuditEntityType,
  type Completion,
  type Item,
  type Milestone,
  type Verification,
  type WorkStatus,
} from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { fromIsoDate } from "../../lib/dates.js";
import { outsideWindow, readPlanWindows } from "../../lib/plan-window.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { refuseIfWithdrawn } from "../../lib/withdrawal.js";
import { requireActFor, statusAction } from "../../lib/work-rules.js";
import { findItem } from "./items.service.js";
import { findMilestone } from "./milestones.service.js";

export type WorkType = "milestone" | "item";
type Work = Milestone | Item;

/** What a completion, a verification and a return write. */
type CompletionColumns = {
  status: WorkStatus;
  completedAt: Date | null;
  completedById: string | null;
  completedOn: Date | null;
  completionNote: string | null;
  verifiedAt: Date | null;
  verifiedById: string | null;
  returnedAt: Date | null;
  returnedById: string | null;
  returnReason: string | null;
};

/** The part of a record a completion's audit row shows, before and after. */
const completionOf = (w: Work) => ({
  status: w.status,
  completedOn: w.completedOn,
  completionNote: w.completionNote,
  completedBy: w.completedBy,
  verifiedBy: w.verifiedBy,
  returned: w.returned,
});

function completable<W extends Work>(
  what: string,
  entityType: AuditEntityType,
  find: (tx: Tx, id: string) => Promise<W | null>,
  table: VersionedRecord<W, CompletionColumns>["table"],
): VersionedRecord<W, CompletionColumns> {
  return {
    what,
    entityType,
    find,
    table,
    // Every completion, verification and return moves the status: never "nothing changed".
    fieldsOf: (w) => ({ status: w.status }),
    action: statusAction,
    auditRecord: (before, after) => ({
      before: { title: before.title, ...completionOf(before), projectId: before.projectId },
      after: completionOf(after),
    }),
    projectIdOf: (w) => w.projectId,
  };
}

const RECORDS = {
  milestone: completable<Milestone>("Milestone", "milestone", findMilestone, (tx) => tx.milestone),
  item: completable<Item>("Item", "item", findItem, (tx) => tx.item),
} as const;

/** Whether a completion of this record waits for the office's verification (its kind's rule). */
async function requiresVerification(tx: Tx, type: WorkType, work: Work): Promise<boolean> {
  const kind = verificationKindOf(type, "review" in work && !!work.review);
  const rule = await tx.verificationRule.findUnique({ where: { kind }, select: { requiresVerification: true } });
  return rule?.requiresVerification ?? DEFAULT_VERIFICATION[kind];
}

/** The completion's day: from the plan's first day to today in China, never in the future. */
async function checkCompletedOn(tx: Tx, ctx: ServiceContext, completedOn: string) {
  const { today, reportedOn } = await readPlanWindows(tx, ctx.clock);
  if (completedOn > today)
    throw AppError.invalid("body.completedOn", "date_in_future", `${completedOn} is after today (${today})`, {
      maximum: today,
    });
  const outside = outsideWindow("body.completedOn", completedOn, reportedOn);
  if (outside) throw AppError.invalidFields([outside]);
}

/**
 * 完成: the responsible department's coordinator (or the office, or the working group)
 * records that the work was finished, on which day and what was done. The record becomes
 * done, or 待复核 (`awaiting_verification`) when its kind needs the office's verification:
 * then it still counts as open (and overdue, when past due) until verified.
 */
export function completeWork(
  ctx: ServiceContext,
  type: WorkType,
  { id, completion: { completedOn, note, version } }: { id: string; completion: Completion },
): Promise<Work> {
  const record = RECORDS[type] as VersionedRecord<Work, CompletionColumns>;
  const { user } = ctx.actor;
  return updateVersioned(ctx, record, {
    id,
    version,
    authorize: (current) => {
      requireActFor(user, "work.update", [current.responsibleDepartmentId]);
      refuseIfWithdrawn(record.what, current);
    },
    next: async (current, tx): Promise<Partial<CompletionColumns>> => {
      const to: WorkStatus = (await requiresVerification(tx, type, current)) ? "awaiting_verification" : "done";
      const check = checkTransition(current.status, to, { via: "completion" });
      if (!check.ok) throw AppError.invalid("params.id", check.reason, check.message, { status: current.status });
      await checkCompletedOn(tx, ctx, completedOn);
      return {
        status: to,
        completedAt: ctx.clock.now(),
        completedById: ctx.actor.id,
        completedOn: fromIsoDate(completedOn),
        completionNote: note,
        verifiedAt: null,
        verifiedById: null,
        // A new completion answers the office's earlier return.
        returnedAt: null,
        returnedById: null,
        returnReason: null,
      };
    },
  });
}

/**
 * 复核: the office verifies a completion awaiting it (→ done: it now counts as done) or
 * returns it (退回 → in progress, with the reason the department sees; the completion is
 * taken back and the next one answers it).
 */
export function verifyWork(
  ctx: ServiceContext,
  type: WorkType,
  { id, verification: { decision, note, version } }: { id: string; verification: Verification },
): Promise<Work> {
  const record = RECORDS[type] as VersionedRecord<Work, CompletionColumns>;
  return updateVersioned(ctx, record, {
    id,
    version,
    authorize: (current) => refuseIfWithdrawn(record.what, current),
    next: (current): Partial<CompletionColumns> => {
      const to: WorkStatus = decision === "verify" ? "done" : "in_progress";
      const check = checkTransition(current.status, to, { via: "verification" });
      if (!check.ok) throw AppError.invalid("params.id", check.reason, check.message, { status: current.status });
      const now = ctx.clock.now();
      return decision === "verify"
        ? { status: "done", verifiedAt: now, verifiedById: ctx.actor.id }
        : {
            status: "in_progress",
            completedAt: null,
            completedById: null,
            completedOn: null,
            completionNote: null,
            returnedAt: now,
            returnedById: ctx.actor.id,
            returnReason: note!,
          };
    },
    remark: { decision, ...(note ? { note } : {}) },
  });
}
