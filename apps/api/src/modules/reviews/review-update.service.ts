import type { Review, ReviewUpdate } from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { fromIsoDate } from "../../lib/dates.js";
import { asSet, updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { checkAttendees, checkHeldOn } from "./review-checks.js";
import { auditView, lockReview } from "./review-presenter.js";

type ReviewedText = { projectId: string; findings: string; decisions: string };
type ReviewFields = { heldOn: string; attendeePersonIds: string[]; projects: ReviewedText[] };

const textsOf = (review: Review): ReviewedText[] =>
  review.projects.map((p) => ({ projectId: p.project.id, findings: p.findings, decisions: p.decisions }));

const reviews: VersionedRecord<Review, ReviewFields> = {
  what: "Review",
  entityType: "review",
  // The row lock first, as for signatures and addenda: edits and signatures take turns.
  find: lockReview,
  fieldsOf: (r) => ({ heldOn: r.heldOn, attendeePersonIds: asSet(r.attendees.map((a) => a.id)), projects: textsOf(r) }),
  table: (tx) => tx.review,
  columns: ({ heldOn }) => (heldOn ? { heldOn: fromIsoDate(heldOn) } : {}),
  // Signatures already given are withdrawn: they signed other words.
  afterWrite: async (tx, { id, current, changed }) => {
    if (changed.attendeePersonIds) {
      await tx.reviewAttendee.deleteMany({ where: { reviewId: id } });
      await tx.reviewAttendee.createMany({
        data: changed.attendeePersonIds.map((personId) => ({ reviewId: id, personId })),
      });
    }
    const was = textsOf(current);
    for (const p of changed.projects ?? [])
      if (!was.some((w) => w.projectId === p.projectId && w.findings === p.findings && w.decisions === p.decisions))
        await tx.reviewProject.update({
          where: { reviewId_projectId: { reviewId: id, projectId: p.projectId } },
          data: { findings: p.findings, decisions: p.decisions },
        });
    const withdrawn = await tx.reviewSignature.deleteMany({ where: { reviewId: id } });
    return withdrawn.count > 0 ? { signatures: [], signaturesWithdrawn: withdrawn.count } : {};
  },
  auditRecord: (before, after) => ({
    before: { ...auditView(before), signatures: before.signatures.map((s) => `${s.departmentName} ${s.signedBy}`) },
    after: auditView(after),
  }),
};

function refuseIfLocked(review: Review) {
  if (review.locked)
    throw new AppError(
      "CONFLICT",
      "The review record is signed and locked; add a correction as an addendum",
      undefined,
      review,
    );
}

/** Corrects an unlocked record; saving it as it is writes nothing and keeps the signatures. */
export function updateReview(
  ctx: ServiceContext,
  { id, changes: { version, ...changes } }: { id: string; changes: ReviewUpdate },
): Promise<Review> {
  return updateVersioned(ctx, reviews, {
    id,
    version,
    authorize: refuseIfLocked,
    next: (current, tx) => nextReview(tx, current, changes, todayInChina(ctx.clock)),
  });
}

async function nextReview(
  tx: Tx,
  current: Review,
  changes: Omit<ReviewUpdate, "version">,
  today: string,
): Promise<Partial<ReviewFields>> {
  if (changes.heldOn) checkHeldOn(changes.heldOn, today);
  if (changes.attendeePersonIds) {
    const group = await tx.workingGroup.findUniqueOrThrow({
      where: { id: current.group.id },
      select: { departments: { select: { departmentId: true } } },
    });
    await checkAttendees(
      tx,
      group.departments.map((d) => d.departmentId),
      changes.attendeePersonIds,
    );
  }
  const reviewed = new Set(current.projects.map((p) => p.project.id));
  changes.projects?.forEach((p, i) => {
    if (!reviewed.has(p.projectId))
      throw AppError.invalid(
        `body.projects.${i}.projectId`,
        "project_not_reviewed",
        "This project was not reviewed at this meeting",
      );
  });
  const firstAction = current.projects.flatMap((p) => p.actions).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  if (changes.heldOn && firstAction && firstAction.dueDate < changes.heldOn)
    throw AppError.invalid(
      "body.heldOn",
      "held_after_action_due",
      `A follow-up action falls due on ${firstAction.dueDate}, before that date`,
      { dueDate: firstAction.dueDate },
    );
  return {
    heldOn: changes.heldOn,
    attendeePersonIds: changes.attendeePersonIds && asSet(changes.attendeePersonIds),
    projects:
      changes.projects &&
      textsOf(current).map((was) => {
        const given = changes.projects!.find((p) => p.projectId === was.projectId);
        return given ? { projectId: was.projectId, findings: given.findings, decisions: given.decisions } : was;
      }),
  };
}
