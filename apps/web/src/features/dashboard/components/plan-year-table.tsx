import type { PlanYearRow } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { ReadOnlyTable, type ReadOnlyColumn } from "../../../components/ui/read-only-table";
import { formatCount, formatPercent } from "../../../lib/format";

type Props = { years: PlanYearRow[] };

/** The plan's own year table (1,613 / 3,893 / 4,722 …) beside what has actually been done. */
export function PlanYearTable({ years }: Props) {
  const { t } = useTranslation();
  const columns: ReadOnlyColumn<PlanYearRow>[] = [
    {
      key: "year",
      title: t("dashboard.planYears.year"),
      rowHeader: true,
      render: (row) => t("common.yearLabel", { year: row.year }),
    },
    {
      key: "planned",
      title: t("dashboard.planYears.planned"),
      align: "right",
      render: (row) => formatCount(row.plannedHouseholds),
    },
    {
      key: "cumulativePlanned",
      title: t("dashboard.planYears.cumulativePlanned"),
      align: "right",
      render: (row) => formatCount(row.cumulativePlanned),
    },
    {
      key: "cumulativePlannedPercent",
      title: t("dashboard.planYears.cumulativePlannedPercent"),
      align: "right",
      render: (row) => formatPercent(row.cumulativePlannedPercent),
    },
    {
      key: "cumulativeActual",
      title: t("dashboard.planYears.cumulativeActual"),
      align: "right",
      render: (row) => formatCount(row.cumulativeActual),
    },
    {
      key: "cumulativeActualPercent",
      title: t("dashboard.planYears.cumulativeActualPercent"),
      align: "right",
      render: (row) => formatPercent(row.cumulativeActualPercent),
    },
  ];
  return (
    <ReadOnlyTable
      rowKey={(row) => row.year}
      bordered
      columns={columns}
      rows={years}
      caption={t("dashboard.planYears.caption")}
    />
  );
}
