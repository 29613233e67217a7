import type { AuditEntityType, Item, Milestone, Withdraw } from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { refuseIfWithdrawn } from "../../lib/withdrawal.js";
import { findItem } from "./items.service.js";
import { findMilestone } from "./milestones.service.js";
import { activeEvidenceCount } from "./evidence.service.js";
import type { WorkType } from "./work-completion.js";

type WithdrawColumns = { withdrawnAt: Date; withdrawnById: string | null; withdrawReason: string };
type Work = Milestone | Item;

/**
 * 撤销 of a milestone or an item: a versioned change of its own (never a status), written
 * through `updateVersioned` like any other, audited as `withdraw`.
 */
function withdrawable<W extends Work>(
  what: string,
  entityType: AuditEntityType,
  find: (tx: Tx, id: string) => Promise<W | null>,
  table: VersionedRecord<W, WithdrawColumns>["table"],
): VersionedRecord<W, WithdrawColumns> {
  return {
    what,
    entityType,
    find,
    table,
    fieldsOf: (w) => ({ withdrawReason: w.withdrawn?.reason }),
    action: () => "withdraw",
    auditRecord: (before, after) => ({
      before: { title: before.title, status: before.status, withdrawn: null, projectId: before.projectId },
      after: { withdrawn: after.withdrawn },
    }),
    projectIdOf: (w) => w.projectId,
  };
}

const milestones = withdrawable<Milestone>("Milestone", "milestone", findMilestone, (tx) => tx.milestone);

const items = withdrawable<Item>("Item", "item", findItem, (tx) => tx.item);

/**
 * What may depend on a milestone or an item: its completion and its evidence. Done work was
 * reported and counted; work awaiting verification (待复核) was reported and waits for the
 * office, which returns it rather than withdrawing it; evidence attached to the record is
 * withdrawn first, each file with its own reason. Other work has nothing hanging on it.
 */
async function refuseIfCompleted(tx: Tx, type: WorkType, work: Work) {
  if (work.status === "done")
    throw AppError.invalid("params.id", "work_done", "Done work is not withdrawn; it was reported and counted");
  if (work.status === "awaiting_verification")
    throw AppError.invalid(
      "params.id",
      "awaiting_verification",
      "The completion awaits the office's verification: return it (退回) instead of withdrawing the record",
    );
  const count = await activeEvidenceCount(tx, type, work.id);
  if (count > 0)
    throw AppError.invalid("params.id", "has_evidence", "Withdraw the record's evidence files first", { count });
}

/**
 * An item decided in a review whose record someone has signed belongs to that record: the
 * record is corrected by an addendum, not by withdrawing what it decided.
 */
async function refuseIfSignedReview(tx: Tx, item: Item) {
  if (!item.review) return;
  const review = await tx.review.findUniqueOrThrow({
    where: { id: item.review.id },
    select: { lockedAt: true, _count: { select: { signatures: true } } },
  });
  if (review.lockedAt || review._count.signatures > 0)
    throw AppError.invalid(
      "params.id",
      "review_signed",
      "This item was decided in a review someone has signed; correct the record with an addendum",
    );
}

const withdraw = async <W extends Work>(
  ctx: ServiceContext,
  record: VersionedRecord<W, WithdrawColumns>,
  { id, withdrawal: { reason, version } }: { id: string; withdrawal: Withdraw },
  check: (current: W, tx: Tx) => void | Promise<void>,
) =>
  updateVersioned(ctx, record, {
    id,
    version,
    authorize: (current) => refuseIfWithdrawn(record.what, current),
    next: async (current, tx) => {
      await check(current, tx);
      return { withdrawnAt: ctx.clock.now(), withdrawnById: ctx.actor.id, withdrawReason: reason };
    },
  });

/** Withdraws a milestone made by mistake (office and working group), unless completed or with evidence. */
export const withdrawMilestone = (ctx: ServiceContext, input: { id: string; withdrawal: Withdraw }) =>
  withdraw(ctx, milestones, input, (milestone, tx) => refuseIfCompleted(tx, "milestone", milestone));

/** Withdraws an item made by mistake (office and working group), unless completed, with evidence, or decided in a signed review. */
export const withdrawItem = (ctx: ServiceContext, input: { id: string; withdrawal: Withdraw }) =>
  withdraw(ctx, items, input, async (item, tx) => {
    await refuseIfCompleted(tx, "item", item);
    await refuseIfSignedReview(tx, item);
  });
