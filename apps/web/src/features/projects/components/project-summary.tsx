import { percentOf, type ProjectDetail } from "@resettle/domain";
import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent, withUnit } from "../../../lib/format";
import { ProjectStatusTag } from "./project-status-tag";

type Props = { project: ProjectDetail };

/** The project's facts; its problems (问题研判) and who is responsible (责任分工) have their own sections. */
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
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}
