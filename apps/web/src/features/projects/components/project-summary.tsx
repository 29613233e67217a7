import { percentOf, type ProjectDetail } from "@resettle/domain";
import { Descriptions, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent, NO_VALUE, withUnit } from "../../../lib/format";
import { ProjectStatusTag } from "./project-status-tag";

type Props = { project: ProjectDetail };

/** The project's facts; who is responsible has its own section (责任分工) beside. */
export function ProjectSummary({ project }: Props) {
  const { t } = useTranslation();
  const notSet = t("project.notSet");
  const items = [
    { key: "district", label: t("project.district"), children: project.district.name },
    {
      key: "total",
      label: t("project.totalHouseholds"),
      children: withUnit(formatCount(project.totalHouseholds), t("units.households")),
    },
    {
      key: "movedBack",
      label: t("project.movedBack"),
      children: t("common.countWithShare", {
        value: withUnit(formatCount(project.movedBack), t("units.households")),
        percent: formatPercent(percentOf(project.movedBack, project.totalHouseholds)),
      }),
    },
    { key: "status", label: t("project.status"), children: <ProjectStatusTag status={project.status} /> },
    {
      key: "approach",
      label: t("project.approach"),
      children: project.approach ? t(`enums.approach.${project.approach}`) : notSet,
    },
    {
      key: "problemCategory",
      label: t("project.problemCategory"),
      children: t(`enums.problemCategory.${project.problemCategory}`),
    },
    {
      key: "causes",
      label: t("project.causes"),
      span: "filled" as const,
      children:
        project.causes.length === 0 ? (
          NO_VALUE
        ) : (
          <Space size={[0, 8]} wrap>
            {project.causes.map((cause) => (
              <Tag key={cause.id}>{cause.name}</Tag>
            ))}
          </Space>
        ),
    },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}
