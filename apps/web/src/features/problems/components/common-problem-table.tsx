import type { CommonProblem } from "@resettle/domain";
import { Button, Descriptions, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { formatDateTime, NO_VALUE } from "../../../lib/format";
import type { CommonProblemPageQuery } from "../lib/common-problem-query";
import { CombinedProgressBar } from "./combined-progress-bar";
import { CommonProblemStatusControl } from "./common-problem-status-control";
import { textColumn } from "../../../components/ui/table-columns";

type Props = {
  problems: CommonProblem[];
  total: number;
  query: CommonProblemPageQuery;
  loading: boolean;
  onChange: (patch: Partial<CommonProblemPageQuery>) => void;
  /** Planning edits, for the office and the working group; absent for everyone else. */
  onEdit?: (problem: CommonProblem) => void;
  canUpdateStatus: (problem: CommonProblem) => boolean;
  allowReopen: boolean;
};

export function CommonProblemTable({
  problems,
  total,
  query,
  loading,
  onChange,
  onEdit,
  canUpdateStatus,
  allowReopen,
}: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CommonProblem> = [
    textColumn({ key: "title", title: t("commonProblems.columns.title"), text: (p) => p.title, minWidth: 180 }),
    {
      key: "district",
      title: t("commonProblems.columns.district"),
      render: (_, p) => p.district?.name ?? t("commonProblems.cityWide"),
    },
    {
      key: "department",
      title: t("commonProblems.columns.responsibleDepartment"),
      render: (_, p) => p.responsibleDepartment?.name ?? t("project.notSet"),
    },
    {
      key: "status",
      title: t("commonProblems.columns.status"),
      render: (_, p) => (
        <CommonProblemStatusControl problem={p} canUpdate={canUpdateStatus(p)} allowReopen={allowReopen} />
      ),
    },
    {
      key: "projects",
      title: t("commonProblems.columns.projects"),
      render: (_, p) => (
        <Space size={[8, 0]} wrap>
          {p.projects.map((project) => (
            <Link key={project.id} to={`/projects/${project.id}`}>
              {project.name}
            </Link>
          ))}
        </Space>
      ),
    },
    {
      key: "progress",
      title: t("commonProblems.columns.progress"),
      width: 180,
      render: (_, p) => <CombinedProgressBar projects={p.projects} />,
    },
  ];
  if (onEdit) {
    columns.push({
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => onEdit(p)}>
          {t("common.edit")}
          <span className="sr-only">{` ${p.title}`}</span>
        </Button>
      ),
    });
  }
  return (
    <Table<CommonProblem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={problems}
      loading={loading}
      onChange={onServerPageChange<CommonProblem>(query, onChange)}
      caption={<span className="sr-only">{t("commonProblems.caption")}</span>}
      pagination={serverPagination(query, total, (count) => t("commonProblems.count", { count }))}
      expandable={{ expandedRowRender: (p) => <ProblemDetails problem={p} /> }}
      locale={{ emptyText: t("commonProblems.empty") }}
      scroll={{ x: true }}
    />
  );
}

/** What a row opens to: the problem in words, the measure taken, and why it is blocked. */
function ProblemDetails({ problem }: { problem: CommonProblem }) {
  const { t } = useTranslation();
  // Several lines typed into the form stay several lines.
  const text = (value: string | null) => <span style={{ whiteSpace: "pre-line" }}>{value || NO_VALUE}</span>;
  const items = [
    { key: "description", label: t("commonProblems.form.description"), children: text(problem.description) },
    { key: "measure", label: t("commonProblems.form.measure"), children: text(problem.measure) },
    ...(problem.status === "blocked"
      ? [{ key: "blocked", label: t("commonProblems.status.reason"), children: problem.blockedReason || NO_VALUE }]
      : []),
    { key: "updatedAt", label: t("commonProblems.updatedAt"), children: formatDateTime(problem.updatedAt) },
  ];
  return <Descriptions size="small" column={1} bordered items={items} />;
}
