import type { ProjectSummary } from "@resettle/domain";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HealthTag } from "../../../components/ui/health-tag";
import { formatCount, formatQuota } from "../../../lib/format";
import { MovedBackCell } from "./moved-back-cell";
import type { RenderPerson } from "../../../components/ui/render-person";

type Props = {
  projects: ProjectSummary[];
  years: number[];
  renderPerson: RenderPerson;
  caption: string;
};

const quotaOf = (project: ProjectSummary, year: number) =>
  project.yearTargets.find((target) => target.year === year)?.plannedHouseholds ?? 0;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The plan's task table: every project with its quota per year, and the totals row. */
export function ProjectQuotaTable({ projects, years, renderPerson, caption }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProjectSummary> = [
    {
      key: "name",
      title: t("projects.columns.name"),
      render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
    },
    // The health rules' colour and word (the project page says which rules fired).
    { key: "health", title: t("projects.columns.health"), render: (_, p) => <HealthTag level={p.healthLevel} /> },
    { key: "district", title: t("projects.columns.district"), render: (_, p) => p.district.name },
    {
      key: "total",
      title: t("projects.columns.totalHouseholds"),
      align: "right",
      render: (_, p) => formatCount(p.totalHouseholds),
    },
    ...years.map((year) => ({
      key: `year-${year}`,
      title: t("common.yearLabel", { year }),
      align: "right" as const,
      render: (_: unknown, p: ProjectSummary) => formatQuota(quotaOf(p, year)),
    })),
    {
      key: "movedBack",
      title: t("projects.columns.movedBack"),
      align: "right",
      render: (_, p) => <MovedBackCell movedBack={p.movedBack} totalHouseholds={p.totalHouseholds} />,
    },
    {
      key: "department",
      title: t("projects.columns.responsibleDepartment"),
      render: (_, p) => p.responsibleDepartment?.name ?? "—",
    },
    {
      key: "person",
      title: t("projects.columns.responsiblePerson"),
      render: (_, p) => renderPerson(p.responsiblePerson?.id ?? null, p.responsiblePerson?.name),
    },
  ];

  const totalHouseholds = sum(projects.map((p) => p.totalHouseholds));
  const summary = () => (
    <Table.Summary.Row className="table-total-row">
      <Table.Summary.Cell index={0} colSpan={3}>
        {t("common.total")}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right">
        {formatCount(totalHouseholds)}
      </Table.Summary.Cell>
      {years.map((year, i) => (
        <Table.Summary.Cell key={year} index={4 + i} align="right">
          {formatQuota(sum(projects.map((p) => quotaOf(p, year))))}
        </Table.Summary.Cell>
      ))}
      <Table.Summary.Cell index={4 + years.length} align="right">
        <MovedBackCell movedBack={sum(projects.map((p) => p.movedBack))} totalHouseholds={totalHouseholds} />
      </Table.Summary.Cell>
      <Table.Summary.Cell index={5 + years.length} colSpan={2} />
    </Table.Summary.Row>
  );

  return (
    <Table<ProjectSummary>
      rowKey="id"
      size="middle"
      bordered
      pagination={false}
      columns={columns}
      dataSource={projects}
      summary={projects.length > 0 ? summary : undefined}
      caption={<span className="sr-only">{caption}</span>}
      scroll={{ x: true }}
    />
  );
}
