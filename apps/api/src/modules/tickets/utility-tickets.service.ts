import {
  checkTicketMove,
  DEFAULT_UTILITY_STANDARDS,
  isTicketOpen,
  ticketDeadline,
  UtilityKindSchema,
  type TicketEvent,
  type UtilityKind,
  type UtilityStandard,
  type UtilityStandardUpdate,
  type UtilityTicket,
  type UtilityTicketCreate,
  type UtilityTicketQuery,
  type UtilityTicketUpdate,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { readPlanWindows } from "../../lib/plan-window.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { requireActFor } from "../../lib/work-rules.js";

const ticketSelect = {
  id: true,
  projectId: true,
  project: { select: { name: true } },
  householdId: true,
  household: { select: { headName: true } },
  kind: true,
  channel: true,
  reportedAt: true,
  description: true,
  responsibleDepartment: { select: { id: true, name: true } },
  status: true,
  deadlineAt: true,
  resolvedAt: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.UtilityTicketSelect;
type TicketRow = Prisma.UtilityTicketGetPayload<{ select: typeof ticketSelect }>;

function present(row: TicketRow, now: Date): UtilityTicket {
  const { project, household, reportedAt, deadlineAt, resolvedAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    projectName: project.name,
    householdName: household?.headName ?? null,
    reportedAt: reportedAt.toISOString(),
    deadlineAt: deadlineAt.toISOString(),
    resolvedAt: resolvedAt?.toISOString() ?? null,
    updatedAt: updatedAt.toISOString(),
    overdue: isTicketOpen(row.status) && deadlineAt < now,
  };
}

const OPEN_STATUSES: UtilityTicket["status"][] = ["open", "in_progress"];

/** Open tickets past their deadline: the one condition lists, My work and counters share. */
const overdueTicketWhere = (now: Date): Prisma.UtilityTicketWhereInput => ({
  status: { in: OPEN_STATUSES },
  deadlineAt: { lt: now },
});

/** A page of tickets, open ones first and the nearest deadline first, by project, kind, status, department and lateness. */
export async function listTickets(
  { db, clock }: ServiceContext,
  query: UtilityTicketQuery,
): Promise<{ items: UtilityTicket[]; total: number; page: number; pageSize: number }> {
  const now = clock.now();
  const where: Prisma.UtilityTicketWhereInput = {
    ...(query.projectId ? { projectId: query.projectId } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.departmentId ? { responsibleDepartmentId: query.departmentId } : {}),
    ...(query.overdue === true ? overdueTicketWhere(now) : {}),
    ...(query.overdue === false ? { NOT: overdueTicketWhere(now) } : {}),
    ...(query.unresolved === undefined
      ? {}
      : { AND: [{ status: query.unresolved ? { in: OPEN_STATUSES } : { notIn: OPEN_STATUSES } }] }),
  };
  const [total, rows] = await Promise.all([
    db.utilityTicket.count({ where }),
    db.utilityTicket.findMany({
      where,
      // Open first (the enum's order: open, in progress, resolved, confirmed), then the nearest deadline.
      orderBy: [{ status: "asc" }, { deadlineAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: ticketSelect,
    }),
  ]);
  return { items: rows.map((r) => present(r, now)), total, page: query.page, pageSize: query.pageSize };
}

async function readStandards(db: Db): Promise<Record<UtilityKind, { inSeasonHours: number; offSeasonHours: number }>> {
  const rows = await db.utilityStandard.findMany();
  // Every kind has its row (the migration writes them); a missing one falls back to the default.
  return Object.fromEntries(
    UtilityKindSchema.options.map((kind) => [
      kind,
      rows.find((r) => r.kind === kind) ?? DEFAULT_UTILITY_STANDARDS[kind],
    ]),
  ) as Record<UtilityKind, { inSeasonHours: number; offSeasonHours: number }>;
}

/** How far ahead of the server's clock a report may be dated (a PC's clock runs a little fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records a ticket: anyone signed in may (the household's complaint reaches whoever picks up the
 * phone). The deadline comes from the kind and the season (the office's standards); the
 * responsible department is the one given, else the project's, else its district's government.
 */
export async function createTicket(ctx: ServiceContext, input: UtilityTicketCreate): Promise<UtilityTicket> {
  return ctx.db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: input.projectId },
      select: { id: true, districtId: true, responsibleDepartmentId: true },
    });
    if (!project)
      throw AppError.invalid("body.projectId", "unknown_reference", "no such project", { projectId: input.projectId });
    if (input.householdId) {
      const household = await tx.household.findUnique({
        where: { id: input.householdId },
        select: { projectId: true },
      });
      if (!household || household.projectId !== project.id)
        throw AppError.invalid("body.householdId", "unknown_reference", "no such household in this project");
    }
    const reportedAt = new Date(input.reportedAt);
    const now = ctx.clock.now();
    if (reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw AppError.invalid(
        "body.reportedAt",
        "date_in_future",
        "a ticket is reported when it was, not later than now",
        {
          maximum: now.toISOString(),
        },
      );
    const { reportedOn } = await readPlanWindows(tx, ctx.clock);
    if (input.reportedAt.slice(0, 10) < reportedOn.minimum)
      throw AppError.invalid("body.reportedAt", "out_of_bounds", `not before ${reportedOn.minimum}`, {
        minimum: reportedOn.minimum,
        maximum: now.toISOString().slice(0, 10),
      });
    let departmentId = input.responsibleDepartmentId ?? project.responsibleDepartmentId;
    if (input.responsibleDepartmentId) {
      const department = await tx.department.findUnique({ where: { id: input.responsibleDepartmentId } });
      if (!department)
        throw AppError.invalid("body.responsibleDepartmentId", "unknown_reference", "no such department");
    }
    if (!departmentId)
      departmentId =
        (
          await tx.department.findFirst({
            where: { kind: "district_government", districtId: project.districtId },
            select: { id: true },
          })
        )?.id ?? null;
    const deadlineAt = ticketDeadline(input.kind, reportedAt, await readStandards(tx));
    const row = await tx.utilityTicket.create({
      data: {
        projectId: project.id,
        householdId: input.householdId ?? null,
        kind: input.kind,
        channel: input.channel,
        reportedAt,
        description: input.description,
        responsibleDepartmentId: departmentId,
        deadlineAt,
        createdById: ctx.actor.id,
        events: { create: { toStatus: "open", byId: ctx.actor.id } },
      },
      select: ticketSelect,
    });
    const ticket = present(row, now);
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "utility_ticket",
      entityId: ticket.id,
      projectId: ticket.projectId,
      after: {
        kind: ticket.kind,
        channel: ticket.channel,
        reportedAt: ticket.reportedAt,
        deadlineAt: ticket.deadlineAt,
        description: ticket.description,
        household: ticket.householdName,
        responsibleDepartment: ticket.responsibleDepartment?.name ?? null,
      },
    });
    return ticket;
  });
}

type TicketFields = { status: UtilityTicket["status"]; resolvedAt: Date | null };

/**
 * Moves a ticket (its department's coordinator, the office, the working group), under the
 * version the editor saw; resolving records when, reopening needs the reason.
 */
export function updateTicket(
  ctx: ServiceContext,
  { id, change }: { id: string; change: UtilityTicketUpdate },
): Promise<UtilityTicket> {
  const now = ctx.clock.now();
  const record: VersionedRecord<UtilityTicket, TicketFields> = {
    what: "Ticket",
    entityType: "utility_ticket",
    find: async (tx, ticketId) => {
      const row = await tx.utilityTicket.findUnique({ where: { id: ticketId }, select: ticketSelect });
      return row && present(row, now);
    },
    fieldsOf: (t) => ({ status: t.status }),
    table: (tx) => tx.utilityTicket,
    action: (changed) => `status_${changed.status ?? "update"}`,
    afterWrite: async (tx, { id: ticketId, current, changed }) => {
      await tx.ticketEvent.create({
        data: {
          ticketId,
          fromStatus: current.status,
          toStatus: changed.status!,
          note: change.note ?? null,
          byId: ctx.actor.id,
        },
      });
    },
    auditRecord: (before, after) => ({
      before: { status: before.status, kind: before.kind, project: before.projectName },
      after: { status: after.status, resolvedAt: after.resolvedAt },
    }),
    projectIdOf: (t) => t.projectId,
  };
  return updateVersioned(ctx, record, {
    id,
    version: change.version,
    authorize: (current) => requireActFor(ctx.actor.user, "work.update", [current.responsibleDepartment?.id]),
    next: (current) => {
      if (current.status === change.status) return {};
      const move = checkTicketMove(current.status, change.status, change.note);
      if (!move.ok)
        throw AppError.invalid(
          move.reason === "reason_required" ? "body.note" : "body.status",
          move.reason,
          move.message,
          {
            from: current.status,
          },
        );
      const resolved = change.status === "resolved" || change.status === "confirmed";
      return {
        status: change.status,
        resolvedAt: resolved ? (current.resolvedAt ? new Date(current.resolvedAt) : now) : null,
      };
    },
    ...(change.note ? { remark: { note: change.note } } : {}),
  });
}

/** A ticket's steps, oldest first. */
export async function listTicketEvents({ db }: ServiceContext, { id }: { id: string }): Promise<TicketEvent[]> {
  if (!(await db.utilityTicket.count({ where: { id } }))) throw AppError.notFound("Ticket");
  const rows = await db.ticketEvent.findMany({
    where: { ticketId: id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, fromStatus: true, toStatus: true, note: true, at: true, by: { select: { displayName: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    from: r.fromStatus,
    to: r.toStatus,
    note: r.note,
    by: r.by?.displayName ?? null,
    at: r.at.toISOString(),
  }));
}

const standardSelect = {
  kind: true,
  inSeasonHours: true,
  offSeasonHours: true,
  version: true,
  updatedAt: true,
} as const;

export async function listStandards({ db }: ServiceContext): Promise<UtilityStandard[]> {
  const rows = await db.utilityStandard.findMany({ select: standardSelect });
  const order = UtilityKindSchema.options;
  return rows
    .map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

type StandardFields = { inSeasonHours: number; offSeasonHours: number; updatedById: string | null };

/** The office changes how long a kind may take; tickets already recorded keep their deadline. */
export function updateStandard(ctx: ServiceContext, input: UtilityStandardUpdate): Promise<UtilityStandard> {
  const record: VersionedRecord<UtilityStandard, StandardFields> = {
    what: "Utility standard",
    entityType: "utility_standard",
    find: async (tx, kind) => {
      const row = await tx.utilityStandard.findUnique({ where: { kind: kind as UtilityKind }, select: standardSelect });
      return row && { ...row, updatedAt: row.updatedAt.toISOString() };
    },
    fieldsOf: (s) => ({ inSeasonHours: s.inSeasonHours, offSeasonHours: s.offSeasonHours }),
    table: (tx) => ({
      updateMany: ({ where: { id, version }, data }) =>
        tx.utilityStandard.updateMany({ where: { kind: id as UtilityKind, version }, data }),
    }),
  };
  return updateVersioned(ctx, record, {
    id: input.kind,
    version: input.version,
    next: (current) =>
      current.inSeasonHours === input.inSeasonHours && current.offSeasonHours === input.offSeasonHours
        ? {}
        : { inSeasonHours: input.inSeasonHours, offSeasonHours: input.offSeasonHours, updatedById: ctx.actor.id },
  });
}
