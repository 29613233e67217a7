import {
  addDays,
  daysBetween,
  LATENESS_BANDS,
  latenessOf,
  isOverdue,
  type OverdueBoard,
  type OverdueBoardQuery,
  type OverdueEntry,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { overdueWorkWhere } from "./work-dates.js";

const ref = { select: { id: true, name: true } } as const;

/** What milestones and items share (ADR 007), as the board shows it. */
const boardSelect = {
  id: true,
  title: true,
  dueDate: true,
  status: true,
  blockedReason: true,
  project: { select: { id: true, name: true, district: ref } },
  responsibleDepartment: ref,
  responsiblePerson: ref,
} as const;

/**
 * The filters both kinds share: overdue as `overdueWorkWhere` defines it (so whatever it
 * excludes, the board excludes), then district, department and how late (a due-date range).
 */
function sharedWhere(query: OverdueBoardQuery, today: string) {
  const band = query.lateness ? LATENESS_BANDS[query.lateness] : null;
  return {
    AND: [
      overdueWorkWhere(today),
      {
        responsibleDepartmentId: query.responsibleDepartmentId,
        ...(query.districtId ? { project: { districtId: query.districtId } } : {}),
        ...(band
          ? {
              dueDate: {
                lte: fromIsoDate(addDays(today, -band.minDays)),
                ...(band.maxDays === null ? {} : { gte: fromIsoDate(addDays(today, -band.maxDays)) }),
              },
            }
          : {}),
      },
    ],
  };
}

type Key = { type: OverdueEntry["type"]; id: string; dueDate: Date };
const typeRank = { milestone: 0, item: 1 } as const;
/** Each kind's own order (due date, id), and milestones before items on the same day. */
const byLateness = (a: Key, b: Key) =>
  a.dueDate.getTime() - b.dueDate.getTime() || typeRank[a.type] - typeRank[b.type] || (a.id < b.id ? -1 : 1);

/**
 * 全市待办: overdue milestones and items across the city, the latest first. Each kind is
 * read in due-date order only as far as the page needs (its keys), the two are merged, and
 * only the page's rows are read in full: six queries whatever the page, no query per row.
 */
export async function overdueBoard({ db, clock }: ServiceContext, query: OverdueBoardQuery): Promise<OverdueBoard> {
  const today = todayInChina(clock);
  const shared = sharedWhere(query, today);
  const wantMilestones = query.kind !== "item";
  const wantItems = query.kind !== "milestone" && !query.milestoneKind;
  const milestoneWhere: Prisma.MilestoneWhereInput = { AND: [shared, { kind: query.milestoneKind }] };
  const itemWhere: Prisma.ItemWhereInput = shared;
  const reach = query.page * query.pageSize;
  const keyOrder = [{ dueDate: "asc" as const }, { id: "asc" as const }];
  const keySelect = { id: true, dueDate: true } as const;
  const none = Promise.resolve([] as { id: string; dueDate: Date }[]);
  const [milestoneCount, itemCount, milestoneKeys, itemKeys] = await Promise.all([
    wantMilestones ? db.milestone.count({ where: milestoneWhere }) : 0,
    wantItems ? db.item.count({ where: itemWhere }) : 0,
    wantMilestones
      ? db.milestone.findMany({ where: milestoneWhere, orderBy: keyOrder, take: reach, select: keySelect })
      : none,
    wantItems ? db.item.findMany({ where: itemWhere, orderBy: keyOrder, take: reach, select: keySelect }) : none,
  ]);
  const page = [
    ...milestoneKeys.map((k) => ({ ...k, type: "milestone" as const })),
    ...itemKeys.map((k) => ({ ...k, type: "item" as const })),
  ]
    .sort(byLateness)
    .slice(reach - query.pageSize, reach);
  const idsOf = (type: OverdueEntry["type"]) => page.filter((k) => k.type === type).map((k) => k.id);
  const [milestones, items] = await Promise.all([
    idsOf("milestone").length
      ? db.milestone.findMany({
          where: { AND: [{ id: { in: idsOf("milestone") } }, milestoneWhere] },
          select: { ...boardSelect, kind: true },
        })
      : [],
    idsOf("item").length
      ? db.item.findMany({ where: { AND: [{ id: { in: idsOf("item") } }, itemWhere] }, select: boardSelect })
      : [],
  ]);
  type Row = (typeof items)[number] & { kind?: OverdueEntry["milestoneKind"] };
  const present = (type: OverdueEntry["type"], row: Row): OverdueEntry => {
    const dueDate = toIsoDate(row.dueDate);
    const daysOverdue = daysBetween(dueDate, today);
    return {
      type,
      id: row.id,
      milestoneKind: row.kind ?? null,
      title: row.title,
      dueDate,
      status: row.status,
      blockedReason: row.blockedReason,
      daysOverdue,
      lateness: latenessOf(daysOverdue),
      project: { id: row.project.id, name: row.project.name },
      district: row.project.district,
      responsibleDepartment: row.responsibleDepartment,
      responsiblePerson: row.responsiblePerson,
    };
  };
  const full = new Map<string, OverdueEntry>([
    ...milestones.map((m) => [m.id, present("milestone", m)] as const),
    ...items.map((i) => [i.id, present("item", i)] as const),
  ]);
  return {
    asOf: today,
    // Read again with the same filter, a row finished meanwhile is left out rather than shown stale;
    // what is shown is what the domain calls overdue (the SQL above mirrors `isOverdue`).
    items: page.flatMap((k) => full.get(k.id) ?? []).filter((entry) => isOverdue(entry, today)),
    total: milestoneCount + itemCount,
    page: query.page,
    pageSize: query.pageSize,
  };
}
