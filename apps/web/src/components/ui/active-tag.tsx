import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** 启用 / 停用: an account or person in use, or kept only for the record. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag color="green">{t("common.active")}</Tag> : <Tag>{t("common.inactive")}</Tag>;
}
