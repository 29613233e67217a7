import type { Review, ReviewCreate } from "@resettle/domain";
import { resolveAssignee } from "../../lib/assignee.js";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { fromIsoDate } from "../../lib/dates.js";
import { requireDueDatesWithinPlan } from "../../lib/plan-window.js";
import { checkAttendees, checkHeldOn } from "./review-checks.js";
import { auditView, loadReview } from "./review-presenter.js";

/** 研判会: the record, and each follow-up action as a rectification item of its project. */
export async function createReview(ctx: ServiceContext, input: ReviewCreate): Promise<Review> {
  const { actor } = ctx;
  const today = todayInChina(ctx.clock);
  return ctx.db.$transaction(async (tx) => {
    const group = await tx.workingGroup.findUnique({
      where: { id: input.groupId },
      select: { id: true, departments: { select: { departmentId: true } }, projects: { select: { projectId: true } } },
    });
    if (!group) throw AppError.invalid("body.groupId", "unknown_reference", "No such working group");
    checkHeldOn(input.heldOn, today);
    await checkAttendees(
      tx,
      group.departments.map((d) => d.departmentId),
      input.attendeePersonIds,
    );
    const assigned = new Set(group.projects.map((p) => p.projectId));
    const projects = await tx.project.findMany({
      where: { id: { in: input.projects.map((p) => p.projectId) } },
      select: { id: true, name: true },
    });
    for (const [i, reviewed] of input.projects.entries()) {
      const project = projects.find((p) => p.id === reviewed.projectId);
      if (!project) throw AppError.invalid(`body.projects.${i}.projectId`, "unknown_reference", "No such project");
      if (!assigned.has(project.id))
        throw AppError.invalid(
          `body.projects.${i}.projectId`,
          "project_not_in_group",
          `${project.name} is not assigned to this group`,
          {
            name: project.name,
          },
        );
      for (const [j, action] of reviewed.actions.entries()) {
        const path = `body.projects.${i}.actions.${j}`;
        await resolveAssignee(tx, action.departmentId, action.personId, {
          department: `${path}.departmentId`,
          person: `${path}.personId`,
        });
        if (action.dueDate < input.heldOn)
          throw AppError.invalid(
            `${path}.dueDate`,
            "due_before_review",
            "A follow-up action falls due after the review",
          );
      }
    }

    await requireDueDatesWithinPlan(
      tx,
      ctx.clock,
      input.projects.flatMap((p, i) =>
        p.actions.map((a, j) => ({ path: `body.projects.${i}.actions.${j}.dueDate`, date: a.dueDate })),
      ),
    );
    const review = await tx.review.create({
      data: {
        groupId: group.id,
        heldOn: fromIsoDate(input.heldOn),
        createdById: actor.id,
        attendees: { create: input.attendeePersonIds.map((personId) => ({ personId })) },
      },
      select: { id: true },
    });
    for (const reviewed of input.projects) {
      const reviewProject = await tx.reviewProject.create({
        data: {
          reviewId: review.id,
          projectId: reviewed.projectId,
          findings: reviewed.findings,
          decisions: reviewed.decisions,
        },
        select: { id: true },
      });
      const items = await tx.item.createManyAndReturn({
        data: reviewed.actions.map((a) => ({
          projectId: reviewed.projectId,
          title: a.title,
          responsibleDepartmentId: a.departmentId,
          responsiblePersonId: a.personId,
          dueDate: fromIsoDate(a.dueDate),
          reviewProjectId: reviewProject.id,
        })),
        select: { id: true },
      });
      // Each action is an item of its project, in the project's change history like any other.
      for (const [k, item] of items.entries()) {
        const a = reviewed.actions[k]!;
        await audit(tx, actor, {
          action: "create",
          entityType: "item",
          entityId: item.id,
          projectId: reviewed.projectId,
          after: {
            title: a.title,
            responsibleDepartmentId: a.departmentId,
            responsiblePersonId: a.personId,
            dueDate: a.dueDate,
            reviewId: review.id,
          },
        });
      }
    }
    const created = await loadReview(tx, review.id);
    await audit(tx, actor, { action: "create", entityType: "review", entityId: review.id, after: auditView(created) });
    for (const p of created.projects)
      await audit(tx, actor, {
        action: "project_reviewed",
        entityType: "review",
        entityId: review.id,
        projectId: p.project.id,
        after: { heldOn: created.heldOn, group: created.group.name, findings: p.findings, decisions: p.decisions },
      });
    return created;
  });
}
