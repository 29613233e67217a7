import type { DistrictYearRow } from "@resettle/domain";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
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
  const columns: TableColumnsType<DistrictYearRow> = [
    { key: "year", title: t("dashboard.planYears.year"), render: (_, r) => t("common.yearLabel", { year: r.year }) },
    {
      key: "planned",
      title: t("dashboard.districts.plannedPercent"),
      align: "right",
      render: (_, r) => formatPercent(r.cumulativePlannedPercent),
    },
    {
      key: "floor",
      title: t("dashboard.districts.floorPercent"),
      align: "right",
      render: (_, r) => formatPercent(r.floorPercent),
    },
    {
      key: "actual",
      title: t("dashboard.districts.actualPercent"),
      align: "right",
      render: (_, r) => formatPercent(r.cumulativeActualPercent),
    },
    {
      key: "assessment",
      title: t("dashboard.districts.assessment"),
      render: (_, r) => <AssessmentLabel assessment={assessYear(r, households, asOf)} />,
    },
  ];
  return (
    <Table<DistrictYearRow>
      rowKey="year"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rows}
      caption={<span className="sr-only">{t("dashboard.districts.tableCaption", { district: districtName })}</span>}
    />
  );
}
