import type { Dashboard } from "@resettle/domain";
import { Descriptions, Skeleton } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../../components/ui/section-card";
import { useSeenOrIdle } from "../../../components/ui/use-seen-or-idle";
import { TrajectoryFigures } from "../../../components/ui/trajectory-figures";
import { formatCount, formatPercent } from "../../../lib/format";
import { DistrictTrajectoryTable } from "./district-trajectory-table";

// echarts is the heaviest dependency; only this card pulls it in, once the card is in view or the
// browser idle after the page has been drawn (issue 13).
const TrajectoryChart = lazy(() => import("./trajectory-chart"));

type Props = { district: Dashboard["districts"][number]; asOf: string };

export function DistrictCard({ district, asOf }: Props) {
  const { t } = useTranslation();
  const [chartPlace, chartDue] = useSeenOrIdle<HTMLDivElement>();
  const labels = useMemo(
    () => ({
      planned: t("dashboard.districts.plannedPercent"),
      floor: t("dashboard.districts.floorPercent"),
      actual: t("dashboard.districts.actualPercent"),
      year: (year: number) => t("common.yearLabel", { year }),
    }),
    [t],
  );
  const description = t("dashboard.districts.chartLabel", {
    district: district.name,
    summary: district.years
      .map((row) =>
        t("dashboard.districts.chartYear", {
          year: row.year,
          planned: formatPercent(row.cumulativePlannedPercent),
          floor: formatPercent(row.floorPercent),
          actual: formatPercent(row.cumulativeActualPercent),
        }),
      )
      .join(t("common.listSeparator")),
  });

  return (
    <SectionCard level={3} title={district.name} className="district-card">
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: "projects", label: t("dashboard.districts.projects"), children: formatCount(district.projects) },
          { key: "households", label: t("dashboard.districts.households"), children: formatCount(district.households) },
          {
            key: "movedBack",
            label: t("dashboard.districts.movedBack"),
            children: t("common.countWithShare", {
              value: formatCount(district.movedBack),
              percent: formatPercent(district.movedBackPercent),
            }),
          },
        ]}
      />
      <TrajectoryFigures trajectory={district.trajectory} column={{ xs: 1, sm: 2 }} />
      <div ref={chartPlace}>
        {chartDue ? (
          <Suspense fallback={<Skeleton.Node active className="trajectory-chart-placeholder" />}>
            <TrajectoryChart rows={district.years} labels={labels} description={description} />
          </Suspense>
        ) : (
          <Skeleton.Node active className="trajectory-chart-placeholder" />
        )}
      </div>
      <DistrictTrajectoryTable
        districtName={district.name}
        households={district.households}
        rows={district.years}
        asOf={asOf}
      />
    </SectionCard>
  );
}
