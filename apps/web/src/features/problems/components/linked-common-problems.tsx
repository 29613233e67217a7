import type { CommonProblem } from "@resettle/domain";
import { Empty, Table, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { CombinedProgressBar } from "./combined-progress-bar";
import { CellText } from "../../../components/ui/cell-text";
import { textColumn } from "../../../components/ui/table-columns";

type Props = { problems: CommonProblem[]; projectName: string };

/** The common problems a project is linked to, each with the measure and the progress of all its projects. */
export function LinkedCommonProblems({ problems, projectName }: Props) {
  const { t } = useTranslation();
  if (problems.length === 0) return <Empty description={t("commonProblems.noneLinked")} />;
  const columns: TableColumnsType<CommonProblem> = [
    textColumn({ key: "title", title: t("commonProblems.columns.title"), text: (p) => p.title }),
    textColumn({ key: "measure", title: t("commonProblems.form.measure"), text: (p) => p.measure, lines: 3 }),
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
              <CellText
                text={t("commonProblems.status.blockedBecause", { reason: p.blockedReason })}
                minWidth={120}
                maxWidth={260}
              />
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
      scroll={{ x: true }}
    />
  );
}
