import type { NamedRef } from "@resettle/domain";
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";

/** 牵头单位: the record's responsible department, as a tag; 未指定 without one. */
export function LeadTag({ lead }: { lead: NamedRef | null }) {
  const { t } = useTranslation();
  return lead ? <Tag color="blue">{lead.name}</Tag> : <>{t("project.notSet")}</>;
}

/** 配合单位: a tag for each department cooperating, or 无 when none does. */
export function CooperatingTags({ cooperating }: { cooperating: NamedRef[] }) {
  const { t } = useTranslation();
  if (cooperating.length === 0) return <>{t("cooperation.none")}</>;
  return (
    <Space size={[0, 4]} wrap>
      {cooperating.map((d) => (
        <Tag key={d.id}>{d.name}</Tag>
      ))}
    </Space>
  );
}
