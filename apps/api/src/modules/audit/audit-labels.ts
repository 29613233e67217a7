import { maskIdNumber } from "@resettle/domain";
import type { Db } from "../../lib/context.js";
import { toIsoDate } from "../../lib/dates.js";

type Event = { entityType: string; entityId: string; before: unknown; after: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * What a record was called when the event was written, from its own before/after: the
 * fallback for records that no longer answer (and for kinds not looked up below).
 */
function labelFromSnapshot(event: Event): string | null {
  const record = { ...(event.before as object | null), ...(event.after as object | null) } as Record<string, unknown>;
  if (event.entityType === "progress_report" && typeof record.households === "number" && text(record.reportedOn))
    return `${String(record.reportedOn)} ${signed(record.households)}`;
  // A household by its head and masked ID number (what its events recorded; never the full one).
  if (event.entityType === "household" && text(record.headName))
    return `${String(record.headName)}${text(record.idNumber) ? `（${String(record.idNumber)}）` : ""}`;
  // A 督办单 by its number (盘回迁督〔2026〕12号), which every one of its events records.
  if (event.entityType === "supervision_notice" && text(record.number)) return String(record.number);
  return text(record.title) ?? text(record.name) ?? text(record.displayName) ?? null;
}

/**
 * Names the records of a page of audit events in words, reading each kind's table once for
 * the page (one query per kind present, never one per event): the record as it is now, or
 * what the event itself recorded. Events keep ids only, so old events read as well as new.
 */
export async function labelAuditEntities(db: Db, events: readonly Event[]): Promise<(string | null)[]> {
  const idsOf = (...types: string[]) => [
    ...new Set(events.filter((e) => types.includes(e.entityType) && UUID.test(e.entityId)).map((e) => e.entityId)),
  ];
  const named = <T extends { id: string }>(rows: T[], label: (row: T) => string) =>
    new Map(rows.map((row) => [row.id, label(row)]));
  const ask = <T>(ids: string[], read: (ids: string[]) => Promise<T[]>) =>
    ids.length ? read(ids) : Promise.resolve([] as T[]);
  const byName = { select: { id: true, name: true } } as const;

  const [
    projects,
    milestones,
    items,
    reviews,
    reports,
    users,
    departments,
    persons,
    causes,
    problems,
    groups,
    plans,
    households,
    tickets,
    channels,
  ] = await Promise.all([
    ask(idsOf("project"), (ids) => db.project.findMany({ where: { id: { in: ids } }, ...byName })),
    ask(idsOf("milestone"), (ids) =>
      db.milestone.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
    ),
    ask(idsOf("item"), (ids) => db.item.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })),
    ask(idsOf("review"), (ids) =>
      db.review.findMany({ where: { id: { in: ids } }, select: { id: true, heldOn: true, group: byName } }),
    ),
    ask(idsOf("progress_report"), (ids) =>
      db.progressReport.findMany({
        where: { id: { in: ids } },
        select: { id: true, reportedOn: true, households: true },
      }),
    ),
    ask(idsOf("user", "session"), (ids) =>
      db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, username: true } }),
    ),
    ask(idsOf("department"), (ids) => db.department.findMany({ where: { id: { in: ids } }, ...byName })),
    ask(idsOf("person"), (ids) => db.person.findMany({ where: { id: { in: ids } }, ...byName })),
    ask(idsOf("cause"), (ids) => db.cause.findMany({ where: { id: { in: ids } }, ...byName })),
    ask(idsOf("common_problem"), (ids) =>
      db.commonProblem.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
    ),
    ask(idsOf("working_group"), (ids) => db.workingGroup.findMany({ where: { id: { in: ids } }, ...byName })),
    ask(idsOf("plan"), (ids) => db.plan.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })),
    ask(idsOf("household"), (ids) =>
      db.household.findMany({ where: { id: { in: ids } }, select: { id: true, headName: true, idNumber: true } }),
    ),
    ask(idsOf("utility_ticket"), (ids) =>
      db.utilityTicket.findMany({
        where: { id: { in: ids } },
        select: { id: true, description: true, project: { select: { name: true } } },
      }),
    ),
    ask(idsOf("notification_channel"), (ids) =>
      db.notificationChannel.findMany({ where: { id: { in: ids } }, ...byName }),
    ),
  ]);
  const labels: Record<string, Map<string, string>> = {
    project: named(projects, (p) => p.name),
    milestone: named(milestones, (m) => m.title),
    item: named(items, (i) => i.title),
    review: named(reviews, (r) => `${toIsoDate(r.heldOn)} ${r.group.name}`),
    progress_report: named(reports, (r) => `${toIsoDate(r.reportedOn)} ${signed(r.households)}`),
    user: named(users, (u) => `${u.displayName} (${u.username})`),
    department: named(departments, (d) => d.name),
    person: named(persons, (p) => p.name),
    cause: named(causes, (c) => c.name),
    common_problem: named(problems, (p) => p.title),
    working_group: named(groups, (g) => g.name),
    plan: named(plans, (p) => p.title),
    household: named(households, (h) => `${h.headName}（${maskIdNumber(h.idNumber)}）`),
    utility_ticket: named(tickets, (k) => `${k.project.name}：${k.description}`),
    notification_channel: named(channels, (c) => c.name),
  };
  labels.session = labels.user!;
  return events.map((e) => labels[e.entityType]?.get(e.entityId) ?? labelFromSnapshot(e));
}
