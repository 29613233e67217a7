import { Switch } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** Shows or hides withdrawn (撤销) records, which otherwise stay in view struck through. */
export function WithdrawnToggle({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="withdrawn-toggle no-print">
      <Switch id={id} size="small" checked={checked} onChange={onChange} />{" "}
      <label htmlFor={id}>{t("withdraw.showWithdrawn")}</label>
    </span>
  );
}
