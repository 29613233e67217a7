import type { NamedRef, ProblemCategory } from "@resettle/domain";
import { Descriptions, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { NO_VALUE } from "../../../lib/format";

type Props = {
  problemCategory: ProblemCategory;
  causes: NamedRef[];
  problemStatement: string | null;
  workingGroup: NamedRef | null;
};

const CATEGORY_COLOR: Record<ProblemCategory, string | undefined> = {
  common: "orange",
  individual: "purple",
  none: undefined,
};

/** 问题研判: what kind of problem the project has, why, in a sentence, and which group reviews it. */
export function ProblemProfileView({ problemCategory, causes, problemStatement, workingGroup }: Props) {
  const { t } = useTranslation();
  const items = [
    {
      key: "category",
      label: t("problemProfile.category"),
      children: <Tag color={CATEGORY_COLOR[problemCategory]}>{t(`enums.problemCategory.${problemCategory}`)}</Tag>,
    },
    {
      key: "group",
      label: t("problemProfile.workingGroup"),
      children: workingGroup?.name ?? t("problemProfile.noGroup"),
    },
    {
      key: "causes",
      label: t("problemProfile.causes"),
      span: "filled" as const,
      children:
        causes.length === 0 ? (
          NO_VALUE
        ) : (
          <Space size={[0, 8]} wrap>
            {causes.map((cause) => (
              <Tag key={cause.id}>{cause.name}</Tag>
            ))}
          </Space>
        ),
    },
    {
      key: "statement",
      label: t("problemProfile.statement"),
      span: "filled" as const,
      children: <span style={{ whiteSpace: "pre-line" }}>{problemStatement || NO_VALUE}</span>,
    },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
