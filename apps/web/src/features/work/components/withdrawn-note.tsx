import type { Withdrawal } from "@resettle/domain";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";

/**
 * A withdrawn record's mark: 已撤销, with the reason, who and when on hover and on focus
 * (keyboard users reach it too), and in the accessible name.
 */
export function WithdrawnNote({ withdrawal }: { withdrawal: NonNullable<Withdrawal> }) {
  const { t } = useTranslation();
  const detail = t("withdraw.note", {
    reason: withdrawal.reason,
    by: withdrawal.by ?? "—",
    at: formatDateTime(withdrawal.at),
  });
  return (
    <Tooltip title={detail}>
      <Tag className="withdrawn-tag" tabIndex={0} aria-label={detail}>
        {t("withdraw.withdrawn")}
      </Tag>
    </Tooltip>
  );
}
