import type { Review, ReviewListQuery, ReviewSummary } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import type { Db, ServiceContext } from "../../lib/context.js";
import { toIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";
import { loadReview, ref, signOffOf } from "./review-presenter.js";

export const getReview = ({ db }: ServiceContext, { id }: { id: string }): Promise<Review> => loadReview(db, id);

const summarySelect = {
  id: true,
  heldOn: true,
  lockedAt: true,
  withdrawnAt: true,
  group: { select: { id: true, name: true, departments: { select: { department: ref } } } },
  attendees: { select: { person: { select: { department: { select: { id: true, name: true, code: true } } } } } },
  signatures: { select: { departmentId: true } },
  projects: {
    select: {
      project: { select: { id: true, name: true, sequence: true } },
      _count: { select: { items: { where: notWithdrawn } } },
    },
    orderBy: { project: { sequence: "asc" } },
  },
} satisfies Prisma.ReviewSelect;

/** A group's or a project's reviews, newest first. */
export async function listReviews({ db }: ServiceContext, query: ReviewListQuery) {
  const where: Prisma.ReviewWhereInput = {
    groupId: query.groupId,
    ...(query.projectId ? { projects: { some: { projectId: query.projectId } } } : {}),
    ...(query.state ? { lockedAt: query.state === "locked" ? { not: null } : null } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.review.findMany({
      where,
      select: summarySelect,
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.review.count({ where }),
  ]);
  const items: ReviewSummary[] = rows.map((row) => {
    const { pendingDepartmentIds, locked } = signOffOf(row);
    return {
      id: row.id,
      group: { id: row.group.id, name: row.group.name },
      heldOn: toIsoDate(row.heldOn),
      projects: row.projects.map((p) => ({ id: p.project.id, name: p.project.name })),
      actionCount: row.projects.reduce((n, p) => n + p._count.items, 0),
      pendingDepartmentCount: locked || row.withdrawnAt ? 0 : pendingDepartmentIds.length,
      locked,
      withdrawn: row.withdrawnAt !== null,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Review records recorded before `recordedBefore`, neither locked nor withdrawn, and the member
 * departments present that have still to sign (会签): what the alert rule chases.
 */
export async function readUnsignedReviews(db: Db, recordedBefore: Date) {
  const rows = await db.review.findMany({
    where: { lockedAt: null, withdrawnAt: null, createdAt: { lt: recordedBefore } },
    select: {
      id: true,
      heldOn: true,
      lockedAt: true,
      group: { select: { name: true, departments: { select: { department: ref } } } },
      attendees: { select: { person: { select: { department: ref } } } },
      signatures: { select: { departmentId: true } },
    },
  });
  return rows.flatMap((row) => {
    const { pendingDepartmentIds, locked } = signOffOf(row);
    if (locked || pendingDepartmentIds.length === 0) return [];
    const names = new Map(row.group.departments.map((d) => [d.department.id, d.department.name]));
    return [
      {
        id: row.id,
        heldOn: toIsoDate(row.heldOn),
        groupName: row.group.name,
        pending: pendingDepartmentIds.map((id) => ({ id, name: names.get(id) ?? "" })),
      },
    ];
  });
}
