import type { WorkEntry } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** 已逾期 N 天 / 即将到期 / 稍后: in words, the colour only repeats it. */
export function UrgencyTag({ entry }: { entry: Pick<WorkEntry, "urgency" | "daysOverdue"> }) {
  const { t } = useTranslation();
  if (entry.urgency === "overdue")
    return <Tag color="error">{t("work.urgency.overdue", { count: entry.daysOverdue })}</Tag>;
  if (entry.urgency === "due_soon")
    return <Tag color="warning">{t("work.urgency.dueSoon", { count: Math.max(0, -entry.daysOverdue) })}</Tag>;
  return <Tag>{t("work.urgency.later")}</Tag>;
}
