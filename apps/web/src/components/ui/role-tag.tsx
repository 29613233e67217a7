import type { Role } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<Role, string> = {
  admin: "geekblue",
  coordinator: "green",
  working_group: "purple",
  leader: "gold",
};

export function RoleTag({ role, className }: { role: Role; className?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[role]} className={className}>
      {t(`enums.role.${role}`)}
    </Tag>
  );
}
