import type { Trajectory } from "@resettle/domain";
import { Descriptions, Tag, type DescriptionsProps } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatLongDate, formatPercent, formatRate, withUnit } from "../../lib/format";

const STATUS_COLOR: Record<Trajectory["status"], string> = {
  not_started: "default",
  behind: "error",
  on_track: "processing",
  ahead: "success",
  finished: "success",
};

type Props = {
  trajectory: Trajectory;
  /** Also state moved back and remaining (the dashboard shows them beside it already). */
  showTotals?: boolean;
  column?: DescriptionsProps["column"];
  bordered?: boolean;
};

/**
 * A trajectory in words and figures, for a project, a district or the city: the status, the
 * gap to the plan line, the next target (or what is overdue once every plan year has ended),
 * the pace it needs against the recent pace, and when the work ends at that pace.
 */
export function TrajectoryFigures({ trajectory, showTotals = false, column, bordered = true }: Props) {
  const { t, i18n } = useTranslation();
  const households = (n: number) => withUnit(formatCount(n), t("units.households"));
  const perMonth = (n: number) => t("trajectory.perMonth", { value: formatRate(n) });

  const gap = trajectory.gapToDate;
  const gapText =
    gap > 0
      ? t("trajectory.gapBehind", { households: households(gap), percent: formatPercent(trajectory.gapToDatePercent) })
      : gap < 0
        ? t("trajectory.gapAhead", {
            households: households(-gap),
            percent: formatPercent(-trajectory.gapToDatePercent),
          })
        : t("trajectory.gapNone");
  const next = trajectory.nextTarget;

  const nextItems: DescriptionsProps["items"] = next
    ? [
        {
          key: "next",
          label: t("trajectory.nextTarget"),
          children: t("trajectory.nextTargetText", {
            year: next.year,
            date: formatLongDate(next.dueDate, i18n.language),
            households: households(next.householdsNeeded),
            months: formatRate(next.monthsLeft),
          }),
        },
        {
          key: "required",
          label: t("trajectory.requiredPace"),
          children: (
            <span className={next.requiredMonthlyRate > trajectory.recentPace ? "figure-behind" : undefined}>
              {perMonth(next.requiredMonthlyRate)}
            </span>
          ),
        },
      ]
    : trajectory.remaining > 0 && trajectory.targetsPassed
      ? [
          {
            key: "overdue",
            label: t("trajectory.overdue"),
            children: (
              <span className={trajectory.overdueHouseholds > 0 ? "figure-behind" : undefined}>
                {households(trajectory.overdueHouseholds)}
                <span className="figure-note">{t("trajectory.targetsPassed")}</span>
              </span>
            ),
          },
        ]
      : [
          {
            key: "next",
            label: t("trajectory.nextTarget"),
            children:
              trajectory.remaining === 0
                ? t("trajectory.nextTargetDone")
                : trajectory.years.length === 0
                  ? t("trajectory.nextTargetUnset")
                  : t("trajectory.nextTargetMet"),
          },
        ];

  const items: DescriptionsProps["items"] = [
    {
      key: "status",
      label: t("trajectory.status"),
      children: <Tag color={STATUS_COLOR[trajectory.status]}>{t(`trajectory.statuses.${trajectory.status}`)}</Tag>,
    },
    ...(showTotals
      ? [
          {
            key: "movedBack",
            label: t("trajectory.movedBack"),
            children: t("common.countWithShare", {
              value: households(trajectory.movedBack),
              percent: formatPercent(trajectory.movedBackPercent),
            }),
          },
          { key: "remaining", label: t("trajectory.remaining"), children: households(trajectory.remaining) },
        ]
      : []),
    {
      key: "gap",
      label: t("trajectory.gap"),
      children: (
        <span className={gap > 0 ? "figure-behind" : undefined}>
          {gapText}
          <span className="figure-note">
            {t("trajectory.expectedToDate", { households: households(trajectory.expectedToDate) })}
          </span>
        </span>
      ),
    },
    ...nextItems,
    { key: "pace", label: t("trajectory.recentPace"), children: perMonth(trajectory.recentPace) },
    {
      key: "forecast",
      label: t("trajectory.forecast"),
      children: trajectory.forecastCompletion ? (
        formatLongDate(trajectory.forecastCompletion, i18n.language)
      ) : (
        <span className="figure-behind">{t("trajectory.forecastNever")}</span>
      ),
    },
  ];

  return (
    <Descriptions
      className="trajectory-figures"
      bordered={bordered}
      size="small"
      column={column ?? { xs: 1, md: 2, xl: 3 }}
      items={items}
    />
  );
}
