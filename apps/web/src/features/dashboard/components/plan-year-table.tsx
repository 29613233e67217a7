import type { PlanYearRow } from "@resettle/domain";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent } from "../../../lib/format";

type Props = { years: PlanYearRow[] };

/** The plan's own year table (1,613 / 3,893 / 4,722 …) beside what has actually been done. */
export function PlanYearTable({ years }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PlanYearRow> = [
    {
      key: "year",
      title: t("dashboard.planYears.year"),
      render: (_, row) => t("common.yearLabel", { year: row.year }),
    },
    {
      key: "planned",
      title: t("dashboard.planYears.planned"),
      align: "right",
      render: (_, row) => formatCount(row.plannedHouseholds),
    },
    {
      key: "cumulativePlanned",
      title: t("dashboard.planYears.cumulativePlanned"),
      align: "right",
      render: (_, row) => formatCount(row.cumulativePlanned),
    },
    {
      key: "cumulativePlannedPercent",
      title: t("dashboard.planYears.cumulativePlannedPercent"),
      align: "right",
      render: (_, row) => formatPercent(row.cumulativePlannedPercent),
    },
    {
      key: "cumulativeActual",
      title: t("dashboard.planYears.cumulativeActual"),
      align: "right",
      render: (_, row) => formatCount(row.cumulativeActual),
    },
    {
      key: "cumulativeActualPercent",
      title: t("dashboard.planYears.cumulativeActualPercent"),
      align: "right",
      render: (_, row) => formatPercent(row.cumulativeActualPercent),
    },
  ];
  return (
    <Table<PlanYearRow>
      rowKey="year"
      size="middle"
      bordered
      pagination={false}
      columns={columns}
      dataSource={years}
      caption={<span className="sr-only">{t("dashboard.planYears.caption")}</span>}
    />
  );
}
