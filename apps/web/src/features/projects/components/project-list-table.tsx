import type { ProjectListQuery, ProjectSortField, ProjectSummary } from "@resettle/domain";
import { Table, type TableColumnsType, type TableProps } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { HealthTag } from "../../../components/ui/health-tag";
import { formatCount } from "../../../lib/format";
import type { UpdateListQuery } from "../lib/use-project-list-query";
import { MovedBackCell } from "./moved-back-cell";
import { ProjectStatusTag } from "./project-status-tag";
import type { RenderPerson } from "../../../components/ui/render-person";

type Props = {
  projects: ProjectSummary[];
  total: number;
  query: ProjectListQuery;
  loading: boolean;
  onChange: UpdateListQuery;
  renderPerson: RenderPerson;
};

const PAGE_SIZES = [10, 20, 50, 100];

export function ProjectListTable({ projects, total, query, loading, onChange, renderPerson }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The server sorts; the table only shows which column it sorted by.
  const sortable = (field: ProjectSortField) => ({
    key: field,
    sorter: true,
    sortOrder: (query.sort === field ? (query.order === "asc" ? "ascend" : "descend") : null) as SortOrder,
  });

  const columns: TableColumnsType<ProjectSummary> = [
    {
      ...sortable("name"),
      title: t("projects.columns.name"),
      render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
    },
    { ...sortable("district"), title: t("projects.columns.district"), render: (_, p) => p.district.name },
    {
      ...sortable("totalHouseholds"),
      title: t("projects.columns.totalHouseholds"),
      align: "right",
      render: (_, p) => formatCount(p.totalHouseholds),
    },
    {
      ...sortable("movedBack"),
      title: t("projects.columns.movedBack"),
      align: "right",
      render: (_, p) => <MovedBackCell movedBack={p.movedBack} totalHouseholds={p.totalHouseholds} />,
    },
    {
      ...sortable("status"),
      title: t("projects.columns.status"),
      render: (_, p) => <ProjectStatusTag status={p.status} />,
    },
    {
      ...sortable("health"),
      title: t("projects.columns.health"),
      render: (_, p) => <HealthTag level={p.healthLevel} />,
    },
    {
      key: "problemCategory",
      title: t("projects.columns.problemCategory"),
      render: (_, p) => t(`enums.problemCategory.${p.problemCategory}`),
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

  const handleChange: TableProps<ProjectSummary>["onChange"] = (pagination, _filters, sorter, { action }) => {
    if (action === "sort" && !Array.isArray(sorter)) {
      const field = sorter.order ? (sorter.columnKey as ProjectSortField) : "sequence";
      onChange({ sort: field, order: sorter.order === "descend" ? "desc" : "asc", page: 1 });
    } else if (action === "paginate") {
      const pageSize = pagination.pageSize ?? query.pageSize;
      onChange({ page: pageSize === query.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  return (
    <Table<ProjectSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={projects}
      loading={loading}
      onChange={handleChange}
      caption={<span className="sr-only">{t("projects.caption")}</span>}
      rowClassName="clickable-row"
      onRow={(p) => ({
        // The name is the keyboard route; a click anywhere on the row is a shortcut for the mouse.
        onClick: (event) => {
          if (!(event.target as HTMLElement).closest("a")) void navigate(`/projects/${p.id}`);
        },
      })}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        showTotal: (count) => t("projects.count", { count }),
      }}
      scroll={{ x: true }}
    />
  );
}
