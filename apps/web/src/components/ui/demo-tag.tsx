import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

/** Marks fictional demo records so that no one reads them as real officials. */
export function DemoTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("demo.personHint")}>
      <Tag color="orange" className="demo-tag">
        {t("demo.tag")}
        <span className="sr-only">{t("common.listSeparator") + t("demo.personHint")}</span>
      </Tag>
    </Tooltip>
  );
}
