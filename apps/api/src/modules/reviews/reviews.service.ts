import {
  sameMembers,
  signOff,
  type Review,
  type ReviewAddendumCreate,
  type ReviewCreate,
  type ReviewListQuery,
  type ReviewSummary,
  type ReviewUpdate,
  type SessionUser,
} from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, type Actor } from "../../lib/audit.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { resolveAssignee } from "../../lib/assignee.js";

const ref = { select: { id: true, name: true } } as const;
type Tx = Prisma.TransactionClient;

export const reviewSelect = {
  id: true,
  heldOn: true,
  createdAt: true,
  createdBy: { select: { displayName: true } },
  lockedAt: true,
  version: true,
  group: { select: { id: true, name: true, departments: { select: { department: ref } } } },
  attendees: {
    select: {
      person: {
        select: { id: true, name: true, title: true, department: { select: { id: true, name: true, code: true } } },
      },
    },
  },
  projects: {
    select: {
      findings: true,
      decisions: true,
      project: { select: { id: true, name: true, sequence: true } },
      items: {
        select: {
          id: true,
          problem: true,
          deadline: true,
          status: true,
          responsibleDepartment: ref,
          responsiblePerson: ref,
        },
        orderBy: [{ deadline: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      },
    },
    orderBy: { project: { sequence: "asc" } },
  },
  signatures: {
    select: { departmentId: true, department: ref, signedBy: { select: { displayName: true } }, signedAt: true },
    orderBy: { signedAt: "asc" },
  },
  addenda: {
    select: { id: true, text: true, createdBy: { select: { displayName: true } }, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ReviewSelect;

type ReviewRow = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;

/** 会签 of a stored review: who must sign (member departments present), who has not. */
function signOffOf(row: {
  group: { departments: { department: { id: string } }[] };
  attendees: { person: { department: { id: string } } }[];
  signatures: { departmentId: string }[];
  lockedAt: Date | null;
}) {
  const result = signOff({
    memberDepartmentIds: row.group.departments.map((d) => d.department.id),
    attendeeDepartmentIds: row.attendees.map((a) => a.person.department.id),
    signedDepartmentIds: row.signatures.map((s) => s.departmentId),
  });
  // Once locked, a record stays locked whatever later happens to the group's membership.
  return { ...result, locked: row.lockedAt !== null || result.locked };
}

export function presentReview(row: ReviewRow): Review {
  const { requiredDepartmentIds, pendingDepartmentIds, locked } = signOffOf(row);
  const departmentName = new Map(
    [...row.group.departments.map((d) => d.department), ...row.attendees.map((a) => a.person.department)].map((d) => [
      d.id,
      d.name,
    ]),
  );
  return {
    id: row.id,
    group: { id: row.group.id, name: row.group.name },
    heldOn: toIsoDate(row.heldOn),
    createdBy: row.createdBy?.displayName ?? null,
    createdAt: row.createdAt.toISOString(),
    attendees: row.attendees
      .map(({ person: { department, ...p } }) => ({
        ...p,
        department: { id: department.id, name: department.name },
        code: department.code,
      }))
      .sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name))
      .map(({ code: _code, ...a }) => a),
    projects: row.projects.map((p) => ({
      project: { id: p.project.id, name: p.project.name },
      findings: p.findings,
      decisions: p.decisions,
      actions: p.items.map((i) => ({
        itemId: i.id,
        title: i.problem,
        department: i.responsibleDepartment,
        person: i.responsiblePerson,
        dueDate: toIsoDate(i.deadline),
        status: i.status,
      })),
    })),
    signatures: row.signatures.map((s) => ({
      departmentId: s.departmentId,
      departmentName: s.department.name,
      signedBy: s.signedBy.displayName,
      signedAt: s.signedAt.toISOString(),
    })),
    requiredDepartments: requiredDepartmentIds.map((id) => ({ id, name: departmentName.get(id) ?? id })),
    pendingDepartmentIds,
    locked,
    lockedAt: row.lockedAt?.toISOString() ?? null,
    addenda: row.addenda.map((a) => ({
      id: a.id,
      text: a.text,
      createdBy: a.createdBy?.displayName ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    version: row.version,
  };
}

async function loadReview(db: Tx | PrismaClient, id: string): Promise<Review> {
  const row = await db.review.findUnique({ where: { id }, select: reviewSelect });
  if (!row) throw AppError.notFound("Review");
  return presentReview(row);
}

export const getReview = (prisma: PrismaClient, id: string) => loadReview(prisma, id);

/**
 * Takes the review's row lock for the rest of the transaction: signatures, edits and
 * addenda of one review happen one after the other, so that the last signature always
 * sees the others and locks the record.
 */
async function takeReviewLock(tx: Tx, id: string): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM reviews WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Review");
}

/** The record as it is once its lock is held. */
async function lockReview(tx: Tx, id: string): Promise<Review> {
  await takeReviewLock(tx, id);
  return loadReview(tx, id);
}

/** Attendees are active persons of the group's member departments. */
async function checkAttendees(tx: Tx, memberDepartmentIds: string[], personIds: string[]) {
  const persons = await tx.person.findMany({
    where: { id: { in: personIds } },
    select: { id: true, name: true, departmentId: true, active: true },
  });
  personIds.forEach((id, i) => {
    const person = persons.find((p) => p.id === id);
    const path = `body.attendeePersonIds.${i}`;
    if (!person) throw AppError.invalid(path, "unknown_reference", "No such person");
    if (!memberDepartmentIds.includes(person.departmentId))
      throw AppError.invalid(
        path,
        "department_not_member",
        `${person.name}'s department is not a member of the group`,
        {
          name: person.name,
        },
      );
    if (!person.active)
      throw AppError.invalid(path, "inactive", `${person.name} is no longer active`, { name: person.name });
  });
  if (new Set(personIds).size !== personIds.length)
    throw AppError.invalid("body.attendeePersonIds", "duplicate", "Each attendee once");
}

function checkHeldOn(heldOn: string, today: string) {
  if (heldOn > today)
    throw AppError.invalid("body.heldOn", "date_in_future", "A review is recorded once it has been held");
}

/** 研判会: the record, and each follow-up action as a rectification item of its project. */
export async function createReview(
  prisma: PrismaClient,
  actor: Actor,
  input: ReviewCreate,
  today: string,
): Promise<Review> {
  return prisma.$transaction(async (tx) => {
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
          problem: a.title,
          responsibleDepartmentId: a.departmentId,
          responsiblePersonId: a.personId,
          deadline: fromIsoDate(a.dueDate),
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
            problem: a.title,
            responsibleDepartmentId: a.departmentId,
            responsiblePersonId: a.personId,
            deadline: a.dueDate,
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

/** What the audit trail keeps of a record: names, not ids. */
const auditView = (r: Review) => ({
  group: r.group.name,
  heldOn: r.heldOn,
  attendees: r.attendees.map((a) => `${a.department.name} ${a.name}`),
  projects: r.projects.map((p) => ({
    project: p.project.name,
    findings: p.findings,
    decisions: p.decisions,
    actions: p.actions.map((a) => `${a.title}（${a.department?.name ?? ""} ${a.person?.name ?? ""} ${a.dueDate}）`),
  })),
});

function refuseIfLocked(review: Review) {
  if (review.locked)
    throw new AppError(
      "CONFLICT",
      "The review record is signed and locked; add a correction as an addendum",
      undefined,
      review,
    );
}

/** Corrects an unlocked record; signatures already given are withdrawn, since they signed other words. */
export async function updateReview(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  { version, ...changes }: ReviewUpdate,
  today: string,
): Promise<Review> {
  return prisma.$transaction(async (tx) => {
    const current = await lockReview(tx, id);
    refuseIfLocked(current);
    if (current.version !== version) throw AppError.staleVersion("Review", current);
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
    const firstAction = current.projects
      .flatMap((p) => p.actions)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    if (changes.heldOn && firstAction && firstAction.dueDate < changes.heldOn)
      throw AppError.invalid(
        "body.heldOn",
        "held_after_action_due",
        `A follow-up action falls due on ${firstAction.dueDate}, before that date`,
        { dueDate: firstAction.dueDate },
      );

    if (!changesAnything(current, changes)) return current; // nothing written, signatures kept

    await tx.review.update({
      where: { id },
      data: {
        ...(changes.heldOn ? { heldOn: fromIsoDate(changes.heldOn) } : {}),
        version: { increment: 1 },
      },
    });
    if (changes.attendeePersonIds) {
      await tx.reviewAttendee.deleteMany({ where: { reviewId: id } });
      await tx.reviewAttendee.createMany({
        data: changes.attendeePersonIds.map((personId) => ({ reviewId: id, personId })),
      });
    }
    for (const p of changes.projects ?? [])
      await tx.reviewProject.update({
        where: { reviewId_projectId: { reviewId: id, projectId: p.projectId } },
        data: { findings: p.findings, decisions: p.decisions },
      });
    const withdrawn = await tx.reviewSignature.deleteMany({ where: { reviewId: id } });
    const updated = await loadReview(tx, id);
    const before = auditView(current);
    const after = auditView(updated);
    await audit(tx, actor, {
      action: "update",
      entityType: "review",
      entityId: id,
      before: { ...before, signatures: current.signatures.map((s) => `${s.departmentName} ${s.signedBy}`) },
      after: { ...after, ...(withdrawn.count > 0 ? { signatures: [], signaturesWithdrawn: withdrawn.count } : {}) },
    });
    return updated;
  });
}

function changesAnything(current: Review, changes: Omit<ReviewUpdate, "version">) {
  return (
    (changes.heldOn !== undefined && changes.heldOn !== current.heldOn) ||
    (changes.attendeePersonIds !== undefined &&
      !sameMembers(
        changes.attendeePersonIds,
        current.attendees.map((a) => a.id),
      )) ||
    (changes.projects ?? []).some((p) => {
      const was = current.projects.find((c) => c.project.id === p.projectId)!;
      return was.findings !== p.findings || was.decisions !== p.decisions;
    })
  );
}

/**
 * 会签: a coordinator signs for their department, once, if it was present. The last
 * signature locks the record.
 */
export async function signReview(
  prisma: PrismaClient,
  user: SessionUser,
  actor: Actor,
  id: string,
  now: Date,
): Promise<Review> {
  return prisma.$transaction(async (tx) => {
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
    await audit(tx, actor, {
      action: "sign",
      entityType: "review",
      entityId: id,
      after: { department: department.name, signedBy: user.displayName, signedAt: now.toISOString() },
    });
    if (locks)
      await audit(tx, actor, {
        action: "lock",
        entityType: "review",
        entityId: id,
        after: { lockedAt: now.toISOString() },
      });
    return loadReview(tx, id);
  });
}

/** 补充说明: a correction added beside the record, which itself never changes once locked. */
export async function addAddendum(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  input: ReviewAddendumCreate,
): Promise<Review> {
  return prisma.$transaction(async (tx) => {
    await takeReviewLock(tx, id);
    const addendum = await tx.reviewAddendum.create({
      data: { reviewId: id, text: input.text, createdById: actor.id },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "addendum",
      entityType: "review",
      entityId: id,
      after: { addendumId: addendum.id, text: input.text },
    });
    return loadReview(tx, id);
  });
}

const summarySelect = {
  id: true,
  heldOn: true,
  lockedAt: true,
  group: { select: { id: true, name: true, departments: { select: { department: ref } } } },
  attendees: { select: { person: { select: { department: { select: { id: true, name: true, code: true } } } } } },
  signatures: { select: { departmentId: true } },
  projects: {
    select: { project: { select: { id: true, name: true, sequence: true } }, _count: { select: { items: true } } },
    orderBy: { project: { sequence: "asc" } },
  },
} satisfies Prisma.ReviewSelect;

/** A group's or a project's reviews, newest first. */
export async function listReviews(prisma: PrismaClient, query: ReviewListQuery) {
  const where: Prisma.ReviewWhereInput = {
    groupId: query.groupId,
    ...(query.projectId ? { projects: { some: { projectId: query.projectId } } } : {}),
    ...(query.state ? { lockedAt: query.state === "locked" ? { not: null } : null } : {}),
  };
  const [rows, total] = await prisma.$transaction([
    prisma.review.findMany({
      where,
      select: summarySelect,
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.review.count({ where }),
  ]);
  const items: ReviewSummary[] = rows.map((row) => {
    const { pendingDepartmentIds, locked } = signOffOf(row);
    return {
      id: row.id,
      group: { id: row.group.id, name: row.group.name },
      heldOn: toIsoDate(row.heldOn),
      projects: row.projects.map((p) => ({ id: p.project.id, name: p.project.name })),
      actionCount: row.projects.reduce((n, p) => n + p._count.items, 0),
      pendingDepartmentCount: locked ? 0 : pendingDepartmentIds.length,
      locked,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
