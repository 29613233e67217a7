import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import type { HealthLevel } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const LOOK: Record<HealthLevel, { color: string; Icon: typeof CheckCircleFilled }> = {
  green: { color: "success", Icon: CheckCircleFilled },
  amber: { color: "warning", Icon: ExclamationCircleFilled },
  red: { color: "error", Icon: CloseCircleFilled },
};

/** A project's colour, always with its word (绿 正常 / 黄 预警 / 红 严重): colour alone tells no one why. */
export function HealthTag({ level }: { level: HealthLevel }) {
  const { t } = useTranslation();
  const { color, Icon } = LOOK[level];
  return (
    <Tag color={color} icon={<Icon aria-hidden />} className={`health-tag health-${level}`}>
      {t("health.tag", { colour: t(`health.colour.${level}`), word: t(`health.word.${level}`) })}
    </Tag>
  );
}
