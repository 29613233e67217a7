import { HouseholdSchema, isSettled, type Household, type HouseholdState } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors, conflictCurrent } from "../../../lib/form-errors";
import { formatDate } from "../../../lib/format";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { useTransitionHousehold } from "../api/use-households";
import { HouseholdStateTag } from "./household-state-tag";
import { MoveFields, moveRules } from "./move-fields";

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
  const { options, backwards, settling, needsReason, window } = moveRules([household], { to, on, windows });
  const settles = settling > 0;

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
      <MoveFields options={options} window={window} needsReason={needsReason} backwards={backwards} />
    </FormModal>
  );
}
