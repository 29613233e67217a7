import {
  checkHouseholdMove,
  HOUSEHOLD_STATES,
  isClosedYear,
  isSettled,
  TEXT_MAX,
  type Household,
  type HouseholdState,
} from "@resettle/domain";
import type { Dayjs } from "dayjs";
import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDate } from "../../../lib/format";
import type { PlanWindows } from "@resettle/domain";
import type { DateBounds } from "../../../lib/plan-windows";

/**
 * The days households may move on: the plan's window, never before the latest day one of them
 * reached its present state (one still waiting since it was entered waited long before: the
 * plan's start bounds it), never after today.
 */
function moveWindow(windows: PlanWindows | undefined, households: Household[]): DateBounds | undefined {
  if (!windows) return undefined;
  const since = households
    .filter((h) => h.state !== "waiting")
    .reduce<string | undefined>((latest, h) => (!latest || h.stateOn > latest ? h.stateOn : latest), undefined);
  return {
    minimum: since && since > windows.reportedOn.minimum ? since : windows.reportedOn.minimum,
    maximum: windows.reportedOn.maximum,
  };
}

/**
 * What a move of these households allows and asks, as the dialog's choices stand: the states
 * every one may take (going back offered too, with its reason), the days every one may move
 * on, how many change the moved-back figure, and whether a reason is needed (any going back,
 * or a settling move dated in a closed year).
 */
export function moveRules(
  households: Household[],
  { to, on, windows }: { to: HouseholdState | undefined; on: Dayjs | undefined; windows: PlanWindows | undefined },
) {
  const options = HOUSEHOLD_STATES.filter((s) => households.every((h) => checkHouseholdMove(h.state, s, "reason").ok));
  const backwards = !!to && households.some((h) => !checkHouseholdMove(h.state, to).ok);
  const settling = to ? households.filter((h) => isSettled(to) !== isSettled(h.state)).length : 0;
  const closedYear = !!on && !!windows && isClosedYear(on.format("YYYY-MM-DD"), windows.today);
  return {
    options,
    backwards,
    settling,
    needsReason: backwards || (settling > 0 && closedYear),
    window: moveWindow(windows, households),
  };
}

/** 变更为, 变更日期 and (going back, or into a closed year) 原因: one household's move or a batch's. */
export function MoveFields({
  options,
  window,
  needsReason,
  backwards,
}: {
  options: HouseholdState[];
  window: DateBounds | undefined;
  needsReason: boolean;
  backwards: boolean;
}) {
  const { t } = useTranslation();
  const reasonLimit = textLimit(t, TEXT_MAX.note);
  return (
    <>
      <Form.Item label={t("households.to")} name="to" rules={[{ required: true, message: t("validation.required") }]}>
        <Select options={options.map((s) => ({ value: s, label: t(`households.states.${s}`) }))} />
      </Form.Item>
      <Form.Item
        label={t("households.on")}
        name="on"
        rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, window)]}
        extra={
          window &&
          t("households.onWindow", { minimum: formatDate(window.minimum), maximum: formatDate(window.maximum) })
        }
      >
        <BoundedDatePicker allowClear={false} bounds={window} />
      </Form.Item>
      {needsReason && (
        <Form.Item
          label={t("households.reason")}
          name="reason"
          rules={[requiredRule(t, t("households.reasonRequired")), reasonLimit.rule]}
          extra={backwards ? t("households.reasonBackwards") : t("households.reasonClosedYear")}
        >
          <Input.TextArea rows={2} count={reasonLimit.count} />
        </Form.Item>
      )}
    </>
  );
}
