import { percentOf, type ProjectDetail } from "@resettle/domain";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent, formatQuota } from "../../../lib/format";

type Row = { year: number; planned: number; cumulative: number; percent: number };

function toRows(project: ProjectDetail): Row[] {
  let cumulative = 0;
  return [...project.yearTargets]
    .sort((a, b) => a.year - b.year)
    .map(({ year, plannedHouseholds }) => {
      cumulative += plannedHouseholds;
      return { year, planned: plannedHouseholds, cumulative, percent: percentOf(cumulative, project.totalHouseholds) };
    });
}

export function ProjectYearTargetsTable({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { key: "year", title: t("project.yearTargets.year"), render: (_, r) => t("common.yearLabel", { year: r.year }) },
    {
      key: "planned",
      title: t("project.yearTargets.planned"),
      align: "right",
      render: (_, r) => formatQuota(r.planned),
    },
    {
      key: "cumulative",
      title: t("project.yearTargets.cumulativePlanned"),
      align: "right",
      render: (_, r) => formatCount(r.cumulative),
    },
    {
      key: "percent",
      title: t("project.yearTargets.cumulativePercent"),
      align: "right",
      render: (_, r) => formatPercent(r.percent),
    },
  ];
  return (
    <Table<Row>
      className="narrow-table"
      rowKey="year"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={toRows(project)}
      caption={<span className="sr-only">{t("project.yearTargets.caption")}</span>}
      scroll={{ x: true }}
    />
  );
}
