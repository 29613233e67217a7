import type { Review, Withdraw } from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext } from "../../lib/context.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { notWithdrawn, refuseIfWithdrawn } from "../../lib/withdrawal.js";
import { auditView, loadReview, takeRowLock } from "./review-presenter.js";

type WithdrawColumns = { withdrawnAt: Date; withdrawnById: string | null; withdrawReason: string };

const reviews: VersionedRecord<Review, WithdrawColumns> = {
  what: "Review",
  entityType: "review",
  // The row lock first, as for signatures, edits and addenda: a signature and the withdrawal take turns.
  find: async (tx, id) => {
    await takeRowLock(tx, id);
    return loadReview(tx, id);
  },
  fieldsOf: (r) => ({ withdrawReason: r.withdrawn?.reason }),
  table: (tx) => tx.review,
  action: () => "withdraw",
  auditRecord: (before, after) => ({
    before: { ...auditView(before), withdrawn: null },
    after: { withdrawn: after.withdrawn },
  }),
  afterWrite: async (tx, { id, current, changed, actor }) => {
    const planned = current.projects.flatMap((p) =>
      p.actions.filter((a) => !a.withdrawn).map((a) => ({ ...a, projectId: p.project.id })),
    );
    for (const action of planned) {
      // An item that moved meanwhile (its own row, not the review's lock) is not withdrawn behind its back.
      const { count } = await tx.item.updateMany({
        where: { id: action.itemId, status: "planned", ...notWithdrawn },
        data: { ...changed, version: { increment: 1 } },
      });
      if (count !== 1) throw AppError.staleVersion("Review", await loadReview(tx, id));
      await audit(tx, actor, {
        action: "withdraw",
        entityType: "item",
        entityId: action.itemId,
        projectId: action.projectId,
        before: { title: action.title, status: action.status, withdrawn: null, projectId: action.projectId },
        after: {
          withdrawn: { at: changed.withdrawnAt?.toISOString(), by: actor.name, reason: changed.withdrawReason },
          withReview: id,
        },
      });
    }
    return planned.length > 0 ? { itemsWithdrawn: planned.length } : {};
  },
};

/**
 * 撤销 of a review recorded by mistake (office and working group). Refused once anyone has
 * signed it (the record is then corrected by an addendum) or when a follow-up action it
 * raised has moved on (in progress, blocked, done): someone works on it. Follow-up actions
 * still planned came from the mistaken record alone and are withdrawn with it, each audited.
 */
export function withdrawReview(
  ctx: ServiceContext,
  { id, withdrawal: { reason, version } }: { id: string; withdrawal: Withdraw },
): Promise<Review> {
  return updateVersioned(ctx, reviews, {
    id,
    version,
    authorize: (current) => refuseIfWithdrawn("Review", current),
    next: (current) => {
      if (current.locked || current.signatures.length > 0)
        throw AppError.invalid(
          "params.id",
          "review_signed",
          "Someone has signed this record; correct it with an addendum instead",
        );
      const moved = current.projects.flatMap((p) => p.actions).filter((a) => !a.withdrawn && a.status !== "planned");
      if (moved.length > 0)
        throw AppError.invalid(
          "params.id",
          "review_has_actions",
          `${moved.length} follow-up action(s) of this review are under way; they depend on it`,
          { count: moved.length },
        );
      return { withdrawnAt: ctx.clock.now(), withdrawnById: ctx.actor.id, withdrawReason: reason };
    },
  });
}
