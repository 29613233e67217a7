import type { Review } from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext } from "../../lib/context.js";
import { loadReview, lockReview } from "./review-presenter.js";

/**
 * 会签: a coordinator signs for their department, once, if it was present. The last
 * signature locks the record.
 */
export async function signReview(ctx: ServiceContext, { id }: { id: string }): Promise<Review> {
  const { user } = ctx.actor;
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const current = await lockReview(tx, id);
    const departmentId = user.departmentId;
    if (departmentId && current.signatures.some((s) => s.departmentId === departmentId))
      throw new AppError("CONFLICT", "Your department has already signed this record", undefined, current);
    if (!departmentId || !current.pendingDepartmentIds.includes(departmentId))
      throw AppError.forbidden(
        current.locked
          ? "The record is already signed by every department present"
          : "Only a member department that attended signs this record",
      );
    await tx.reviewSignature.create({ data: { reviewId: id, departmentId, signedById: user.id, signedAt: now } });
    const locks = current.pendingDepartmentIds.length === 1;
    await tx.review.update({
      where: { id },
      data: { version: { increment: 1 }, ...(locks ? { lockedAt: now } : {}) },
    });
    const department = current.requiredDepartments.find((d) => d.id === departmentId)!;
    await audit(tx, ctx.actor, {
      action: "sign",
      entityType: "review",
      entityId: id,
      after: { department: department.name, signedBy: user.displayName, signedAt: now.toISOString() },
    });
    if (locks)
      await audit(tx, ctx.actor, {
        action: "lock",
        entityType: "review",
        entityId: id,
        after: { lockedAt: now.toISOString() },
      });
    return loadReview(tx, id);
  });
}
