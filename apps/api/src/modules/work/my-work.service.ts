import { can, daysBetween, urgencyOf, type MyWork, type WorkEntry } from "@resettle/domain";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { toIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";

const urgencyRank = { overdue: 0, due_soon: 1, later: 2 } as const;

// Milestones and items share these columns (ADR 007): one entry shape for both.
const work = {
  id: true,
  projectId: true,
  title: true,
  dueDate: true,
  status: true,
  blockedReason: true,
  responsiblePersonId: true,
  returnReason: true,
  completedOn: true,
  completionNote: true,
  completedAt: true,
  completedBy: { select: { displayName: true } },
  responsibleDepartment: { select: { name: true } },
  version: true,
  project: { select: { name: true } },
} as const;
const itemWork = { ...work, reviewProject: { select: { review: { select: { id: true, heldOn: true } } } } } as const;

type Row = {
  id: string;
  projectId: string;
  title: string;
  dueDate: Date;
  status: WorkEntry["status"];
  blockedReason: string | null;
  responsiblePersonId: string | null;
  returnReason: string | null;
  completedOn: Date | null;
  completionNote: string | null;
  completedBy: { displayName: string } | null;
  version: number;
  project: { name: string };
  review?: { id: string; heldOn: Date } | null;
};

const entryOf =
  (today: string) =>
  (type: WorkEntry["type"], r: Row): WorkEntry => {
    const dueDate = toIsoDate(r.dueDate);
    return {
      type,
      id: r.id,
      projectId: r.projectId,
      projectName: r.project.name,
      title: r.title,
      dueDate,
      status: r.status,
      blockedReason: r.blockedReason,
      responsiblePersonId: r.responsiblePersonId,
      version: r.version,
      daysOverdue: daysBetween(dueDate, today),
      urgency: urgencyOf({ status: r.status, dueDate }, today),
      review: r.review ? { id: r.review.id, heldOn: toIsoDate(r.review.heldOn) } : null,
      returnReason: r.returnReason,
      completion:
        r.status === "awaiting_verification" && r.completedOn
          ? {
              completedOn: toIsoDate(r.completedOn),
              note: r.completionNote ?? "",
              by: r.completedBy?.displayName ?? null,
            }
          : null,
    };
  };

/**
 * Every open milestone and item the user's department is responsible for (待复核 included: it
 * is not done until verified): overdue first, then due soon. For the office, every
 * department's completions awaiting its verification.
 */
export async function myWork({ db, actor, clock }: ServiceContext): Promise<MyWork> {
  const today = todayInChina(clock);
  const entry = entryOf(today);
  const departmentId = actor.user.departmentId;
  const awaitingVerification = can(actor.user, "work.verify") ? await awaiting(db, entry) : [];
  if (!departmentId)
    return {
      departmentId: null,
      asOf: today,
      overdueCount: 0,
      dueSoonCount: 0,
      entries: [],
      reviewsToSign: [],
      awaitingVerification,
      cooperating: [],
    };
  const open = { responsibleDepartmentId: departmentId, status: { not: "done" as const }, ...notWithdrawn };
  // 配合: open work another department leads and this one cooperates on (a department made the
  // lead loses its cooperation row in the same transaction, so work is never in both lists).
  const helping = { status: { not: "done" as const }, ...notWithdrawn, cooperations: { some: { departmentId } } };
  const [milestones, items, toSign, helpMilestones, helpItems] = await Promise.all([
    db.milestone.findMany({ where: open, select: work }),
    db.item.findMany({ where: open, select: itemWork }),
    // 会签: unlocked records of meetings the department attended as a member and has not signed.
    db.review.findMany({
      where: {
        lockedAt: null,
        ...notWithdrawn,
        group: { departments: { some: { departmentId } } },
        attendees: { some: { person: { departmentId } } },
        signatures: { none: { departmentId } },
      },
      orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        heldOn: true,
        group: { select: { id: true, name: true } },
        projects: {
          select: { project: { select: { id: true, name: true } } },
          orderBy: { project: { sequence: "asc" } },
        },
      },
    }),
    db.milestone.findMany({ where: helping, select: work }),
    db.item.findMany({ where: helping, select: itemWork }),
  ]);
  const byUrgency = (a: WorkEntry, b: WorkEntry) =>
    urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.projectName.localeCompare(b.projectName) ||
    a.title.localeCompare(b.title) ||
    a.id.localeCompare(b.id);
  const entries = [
    ...milestones.map((m) => entry("milestone", m)),
    ...items.map(({ reviewProject, ...i }) => entry("item", { ...i, review: reviewProject?.review })),
  ].sort(byUrgency);
  const cooperating = [
    ...helpMilestones.map((m) => ({ ...entry("milestone", m), leadName: m.responsibleDepartment?.name ?? null })),
    ...helpItems.map(({ reviewProject, ...i }) => ({
      ...entry("item", { ...i, review: reviewProject?.review }),
      leadName: i.responsibleDepartment?.name ?? null,
    })),
  ].sort(byUrgency);
  return {
    departmentId,
    asOf: today,
    overdueCount: entries.filter((e) => e.urgency === "overdue").length,
    dueSoonCount: entries.filter((e) => e.urgency === "due_soon").length,
    entries,
    reviewsToSign: toSign.map((r) => ({
      id: r.id,
      group: r.group,
      heldOn: toIsoDate(r.heldOn),
      projects: r.projects.map((p) => p.project),
    })),
    awaitingVerification,
    cooperating,
  };
}

/** Completions awaiting the office's verification, every department's, the longest waiting first. */
async function awaiting(
  db: ServiceContext["db"],
  entry: ReturnType<typeof entryOf>,
): Promise<MyWork["awaitingVerification"]> {
  const where = { status: "awaiting_verification" as const, ...notWithdrawn };
  const [milestones, items] = await Promise.all([
    db.milestone.findMany({ where, select: work }),
    db.item.findMany({ where, select: itemWork }),
  ]);
  const rows = [
    ...milestones.map((m) => ({ at: m.completedAt, dept: m.responsibleDepartment, e: entry("milestone", m) })),
    ...items.map(({ reviewProject, ...i }) => ({
      at: i.completedAt,
      dept: i.responsibleDepartment,
      e: entry("item", { ...i, review: reviewProject?.review }),
    })),
  ];
  return rows
    .sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0) || a.e.id.localeCompare(b.e.id))
    .map(({ e, dept }) => ({ ...e, departmentName: dept?.name ?? null }));
}
