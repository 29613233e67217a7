import type { DistrictYearRow } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { ReadOnlyTable, type ReadOnlyColumn } from "../../../components/ui/read-only-table";
import { formatPercent } from "../../../lib/format";
import { assessYear } from "./assess-year";
import { AssessmentLabel } from "./assessment-label";

type Props = {
  districtName: string;
  households: number;
  rows: DistrictYearRow[];
  asOf: string;
};

/** The chart's figures as a table: readable without the chart, and in print. */
export function DistrictTrajectoryTable({ districtName, households, rows, asOf }: Props) {
  const { t } = useTranslation();
  const columns: ReadOnlyColumn<DistrictYearRow>[] = [
    {
      key: "year",
      title: t("dashboard.planYears.year"),
      rowHeader: true,
      render: (r) => t("common.yearLabel", { year: r.year }),
    },
    {
      key: "planned",
      title: t("dashboard.districts.plannedPercent"),
      align: "right",
      render: (r) => formatPercent(r.cumulativePlannedPercent),
    },
    {
      key: "floor",
      title: t("dashboard.districts.floorPercent"),
      align: "right",
      render: (r) => formatPercent(r.floorPercent),
    },
    {
      key: "actual",
      title: t("dashboard.districts.actualPercent"),
      align: "right",
      render: (r) => formatPercent(r.cumulativeActualPercent),
    },
    {
      key: "assessment",
      title: t("dashboard.districts.assessment"),
      render: (r) => <AssessmentLabel assessment={assessYear(r, households, asOf)} />,
    },
  ];
  return (
    <ReadOnlyTable
      rowKey={(r) => r.year}
      size="small"
      columns={columns}
      rows={rows}
      caption={t("dashboard.districts.tableCaption", { district: districtName })}
    />
  );
}
