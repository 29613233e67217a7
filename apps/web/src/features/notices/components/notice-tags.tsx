import type { NoticeLevel, NoticeStatus } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const LEVEL_COLOR: Record<NoticeLevel, string> = { blue: "blue", yellow: "gold", red: "red" };
const STATUS_COLOR: Record<NoticeStatus, string> = {
  issued: "processing",
  received: "cyan",
  replied: "purple",
  returned: "orange",
  closed: "green",
};

/** 蓝色督办 / 黄色督办 / 红色督办, in its colour. */
export function NoticeLevelTag({ level }: { level: NoticeLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOR[level]}>{t(`notices.levels.${level}`)}</Tag>;
}

/** 已交办, 已签收, 已反馈, 已退回, 已销号. */
export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`notices.statuses.${status}`)}</Tag>;
}
