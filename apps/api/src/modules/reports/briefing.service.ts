import {
  briefingIssue,
  briefingWindowStart,
  HEALTH_SEVERITY,
  type Briefing,
  type BriefingQuery,
  type Dashboard,
} from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { chinaDayEnd, todayInChina, type Clock } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { outsideWindow, readPlanWindows } from "../../lib/plan-window.js";
import { getDashboard } from "../dashboard/index.js";
import { assessProjects } from "../projects/index.js";
import { readWeekChanges, readNotices, readOverdueByDepartment } from "./briefing-reads.js";

/** The last moment of a day in China: a clock for which that day is "today". */
const endOfChinaDay = (date: string): Clock => {
  const at = new Date(chinaDayEnd(date).getTime() - 1);
  return { now: () => at };
};

/**
 * The district's floor for the date: the year-end floor of the date's year, the first one before
 * the plan began, the last one after it ended.
 */
function floorFor(rows: Dashboard["districts"][number]["years"], year: number) {
  const floors = rows.filter((r) => r.floorPercent !== null);
  const row = floors.find((r) => r.year === year) ?? (year < (floors[0]?.year ?? 0) ? floors[0] : floors.at(-1));
  return row && row.floorPercent !== null ? { year: row.year, percent: row.floorPercent } : null;
}

const points = (value: number) => Math.round(value * 10) / 10;

/**
 * 工作简报 for a date: the dashboard's own figures judged on that date (getDashboard with a clock
 * at its end), every project's colour with its reasons, what changed in the week up to it, overdue
 * work by department and the notices. Figures are the records as they stand when it is generated:
 * a briefing for a past date is not a snapshot of that day (a report filed since, dated before,
 * counts; work done since is no longer overdue).
 */
export async function readBriefing(ctx: ServiceContext, { date }: BriefingQuery): Promise<Briefing> {
  const { db } = ctx;
  const today = todayInChina(ctx.clock);
  const { reportedOn } = await readPlanWindows(db, ctx.clock);
  const refused = outsideWindow("querystring.date", date, reportedOn);
  if (refused) throw AppError.invalidFields([refused]);

  const clock = date === today ? ctx.clock : endOfChinaDay(date);
  const from = briefingWindowStart(date);
  const [dashboard, projects, changes, overdue, notices] = await Promise.all([
    getDashboard({ ...ctx, clock }),
    db.project.findMany({
      orderBy: { sequence: "asc" },
      select: {
        id: true,
        name: true,
        status: true,
        totalHouseholds: true,
        movedBack: true,
        district: { select: { id: true, name: true } },
        yearTargets: { select: { year: true, plannedHouseholds: true } },
      },
    }),
    readWeekChanges(db, from, date),
    readOverdueByDepartment(db, date),
    readNotices(db, from, date),
  ]);
  const assessed = await assessProjects(db, projects, date);
  const year = Number(date.slice(0, 4));

  return {
    date,
    issue: briefingIssue(date),
    window: { from, to: date },
    generatedOn: today,
    plan: dashboard.plan,
    demoData: dashboard.demoData,
    totals: dashboard.totals,
    health: dashboard.health,
    districts: dashboard.districts.map((d) => {
      const floor = floorFor(d.years, year);
      return {
        id: d.id,
        name: d.name,
        projects: d.projects,
        households: d.households,
        movedBack: d.movedBack,
        movedBackPercent: d.movedBackPercent,
        floor,
        floorGapPoints: floor ? points(d.movedBackPercent - floor.percent) : null,
        movedBackInWindow: changes.movedBackByDistrict.get(d.id) ?? 0,
      };
    }),
    projects: projects
      .map((p, order) => ({ p, order, health: assessed.get(p.id)!.health }))
      .sort((a, b) => HEALTH_SEVERITY[b.health.level] - HEALTH_SEVERITY[a.health.level] || a.order - b.order)
      .map(({ p, health }) => ({
        id: p.id,
        name: p.name,
        district: p.district,
        status: p.status,
        totalHouseholds: p.totalHouseholds,
        movedBack: p.movedBack,
        level: health.level,
        rules: health.rules,
      })),
    changes: changes.counts,
    overdueByDepartment: overdue,
    overdue: dashboard.overdue,
    notices,
  };
}
