import type { Review, ReviewAddendumCreate } from "@resettle/domain";
import { audit } from "../../lib/audit.js";
import type { ServiceContext } from "../../lib/context.js";
import { loadReview, takeReviewLock } from "./review-presenter.js";

/** 补充说明: a correction added beside the record, which itself never changes once locked. */
export async function addAddendum(
  ctx: ServiceContext,
  { id, addendum: input }: { id: string; addendum: ReviewAddendumCreate },
): Promise<Review> {
  return ctx.db.$transaction(async (tx) => {
    await takeReviewLock(tx, id);
    const addendum = await tx.reviewAddendum.create({
      data: { reviewId: id, text: input.text, createdById: ctx.actor.id },
      select: { id: true },
    });
    await audit(tx, ctx.actor, {
      action: "addendum",
      entityType: "review",
      entityId: id,
      after: { addendumId: addendum.id, text: input.text },
    });
    return loadReview(tx, id);
  });
}
