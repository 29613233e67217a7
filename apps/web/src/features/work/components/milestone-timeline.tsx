import { isOverdue, type Milestone } from "@resettle/domain";
import { Skeleton } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/format";
import { daysOverdue, sortByDueDate } from "../lib/work-schedule";
import { TIMELINE_COLORS } from "../lib/milestone-timeline-option";

const MilestoneTimelineChart = lazy(() => import("./milestone-timeline-chart"));

/** The timetable drawn on a time axis, with a legend in words and a text alternative. */
export function MilestoneTimeline({ milestones, today }: { milestones: Milestone[]; today: string }) {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      today: t("timeline.today"),
      status: (m: Milestone) => t(`enums.workStatus.${m.status}`),
      overdue: (m: Milestone) => t("project.milestones.overdue", { count: daysOverdue(m, today) }),
    }),
    [t, today],
  );
  if (milestones.length === 0) return null;
  const description = t("timeline.label", {
    summary: sortByDueDate(milestones)
      .map((m) =>
        t("timeline.row", {
          title: m.title,
          date: formatDate(m.dueDate),
          status: isOverdue(m, today) ? labels.overdue(m) : labels.status(m),
        }),
      )
      .join(t("common.listSeparator")),
  });
  const legend = [
    { key: "done", color: TIMELINE_COLORS.done },
    { key: "open", color: TIMELINE_COLORS.open },
    { key: "blocked", color: TIMELINE_COLORS.blocked },
    { key: "overdue", color: TIMELINE_COLORS.overdue },
  ] as const;
  return (
    <div className="milestone-timeline-wrap">
      <ul className="timeline-legend" aria-hidden="true">
        {legend.map((l) => (
          <li key={l.key}>
            <span className="timeline-swatch" style={{ background: l.color }} />
            {t(`timeline.legend.${l.key}`)}
          </li>
        ))}
      </ul>
      <Suspense fallback={<Skeleton.Node active className="project-chart-placeholder" />}>
        <MilestoneTimelineChart milestones={milestones} today={today} labels={labels} description={description} />
      </Suspense>
    </div>
  );
}
