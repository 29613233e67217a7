import type { CommonProblem } from "@resettle/domain";
import { Empty, Table, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { NO_VALUE } from "../../../lib/format";
import { CombinedProgressBar } from "./combined-progress-bar";

type Props = { problems: CommonProblem[]; projectName: string };

/** The common problems a project is linked to, each with the measure and the progress of all its projects. */
export function LinkedCommonProblems({ problems, projectName }: Props) {
  const { t } = useTranslation();
  if (problems.length === 0) return <Empty description={t("commonProblems.noneLinked")} />;
  const columns: TableColumnsType<CommonProblem> = [
    { key: "title", title: t("commonProblems.columns.title"), dataIndex: "title" },
    {
      key: "measure",
      title: t("commonProblems.form.measure"),
      render: (_, p) => <span style={{ whiteSpace: "pre-line" }}>{p.measure || NO_VALUE}</span>,
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
        <>
          <WorkStatusTag status={p.status} />
          {p.status === "blocked" && p.blockedReason && (
            <Typography.Text type="danger" className="blocked-reason">
              {t("commonProblems.status.blockedBecause", { reason: p.blockedReason })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: "projects",
      title: t("commonProblems.columns.projectCount"),
      align: "right",
      render: (_, p) => t("commonProblems.projectCount", { count: p.projects.length }),
    },
    {
      key: "progress",
      title: t("commonProblems.columns.progress"),
      width: 180,
      render: (_, p) => <CombinedProgressBar projects={p.projects} />,
    },
  ];
  return (
    <Table<CommonProblem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={problems}
      pagination={false}
      caption={<span className="sr-only">{t("commonProblems.linkedCaption", { name: projectName })}</span>}
    />
  );
}
