import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** What is late in red, what waits on someone in orange, what is about to be in gold; the rest blue. */
const RULE_COLOR: Partial<Record<string, string>> = {
  work_overdue: "red",
  ticket_overdue: "red",
  notice_red: "red",
  arrears_90: "red",
  below_floor: "red",
  notice_escalated: "volcano",
  notice_unsigned: "orange",
  review_unsigned: "orange",
  arrears_30: "orange",
  work_due_soon: "gold",
};

/**
 * The rule's name in the reader's language. New rules come with the API before their words do:
 * one with no words yet shows its own name rather than nothing.
 */
function useRuleLabel() {
  const { t } = useTranslation();
  const labels: Partial<Record<string, string>> = t("alerts.rules", { returnObjects: true });
  return (rule: string) => labels[rule] ?? rule;
}

/** The rule that raised a notification, as a tag. */
export function RuleTag({ rule }: { rule: string }) {
  const label = useRuleLabel();
  return <Tag color={RULE_COLOR[rule] ?? "blue"}>{label(rule)}</Tag>;
}
