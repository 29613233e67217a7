import {
  checkHouseholdMove,
  HOUSEHOLD_STATES,
  HouseholdSchema,
  isClosedYear,
  isSettled,
  TEXT_MAX,
  type Household,
  type HouseholdState,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors, conflictCurrent } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDate } from "../../../lib/format";
import { outsideWindow, planWindowsQuery } from "../../../lib/plan-windows";
import { useTransitionHousehold } from "../api/use-households";
import { HouseholdStateTag } from "./household-state-tag";

type Values = { to: HouseholdState; on: Dayjs; reason?: string };

/**
 * 变更状态: the states the rule allows from here, the day (the plan's window, never before the day
 * of the present state nor after today), and the reason when going back or into a closed year.
 * Says beforehand when the move changes the project's moved-back figure.
 */
export function TransitionDialog({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const windows = useQuery(planWindowsQuery()).data;
  const transition = useTransitionHousehold();
  const [failure, setFailure] = useState<string | null>(null);
  const to = Form.useWatch("to", form);
  const on = Form.useWatch("on", form);
  const reasonLimit = textLimit(t, TEXT_MAX.note);
  const options = HOUSEHOLD_STATES.filter((s) => checkHouseholdMove(household.state, s, "reason").ok);
  const backwards = !!to && checkHouseholdMove(household.state, to).ok === false;
  const settles = !!to && isSettled(to) !== isSettled(household.state);
  const closedYear = !!on && !!windows && isClosedYear(on.format("YYYY-MM-DD"), windows.today);
  const needsReason = backwards || (settles && closedYear);
  const since = household.state === "waiting" ? undefined : household.stateOn;
  const window = windows && {
    minimum: since && since > windows.reportedOn.minimum ? since : windows.reportedOn.minimum,
    maximum: windows.reportedOn.maximum,
  };

  // The day defaults to today as the server counts it (China), once the plan's windows are known.
  useEffect(() => {
    if (windows && !form.getFieldValue("on")) form.setFieldsValue({ on: dayjs(windows.today) });
  }, [windows, form]);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await transition.mutateAsync({
        id: household.id,
        body: {
          to: values.to,
          on: values.on.format("YYYY-MM-DD"),
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          version: household.version,
        },
      });
      void message.success(t("households.moved", { state: t(`households.states.${values.to}`) }));
      onClose();
    } catch (error) {
      const current = conflictCurrent(error, HouseholdSchema);
      if (current) {
        setFailure(
          t("households.conflict", {
            state: t(`households.states.${current.state}`),
            date: formatDate(current.stateOn),
          }),
        );
        return;
      }
      if (applyFieldErrors(form, error, t)) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name={`move-household-${household.id}`}
      title={t("households.moveTitle", { name: household.headName })}
      form={form}
      saving={transition.isPending}
      okText={t("households.moveOk")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint-block">
        {t("households.current")} <HouseholdStateTag state={household.state} /> {formatDate(household.stateOn)}
      </p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      {settles && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t(isSettled(to!) ? "households.settlesUp" : "households.settlesDown")}
        />
      )}
      <Form.Item label={t("households.to")} name="to" rules={[{ required: true, message: t("validation.required") }]}>
        <Select options={options.map((s) => ({ value: s, label: t(`households.states.${s}`) }))} />
      </Form.Item>
      <Form.Item
        label={t("households.on")}
        name="on"
        rules={[{ required: true, message: t("validation.required") }]}
        extra={
          window &&
          t("households.onWindow", { minimum: formatDate(window.minimum), maximum: formatDate(window.maximum) })
        }
      >
        <DatePicker allowClear={false} disabledDate={outsideWindow(window)} />
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
    </FormModal>
  );
}
