import { isSettled, type Household, type HouseholdState } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { useBulkTransition } from "../api/use-households";
import { MoveFields, moveRules } from "./move-fields";

type Values = { to: HouseholdState; on: Dayjs; reason?: string };

/**
 * 批量变更状态: the selected households to one state on one day (a building's keys handed over),
 * all or none. Offers only the states every one of them may take, the days every one may move
 * on, and asks the reason when any goes back or a closed year's figure changes.
 */
export function BulkTransitionDialog({
  households,
  onDone,
  onClose,
}: {
  households: Household[];
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const windows = useQuery(planWindowsQuery()).data;
  const bulk = useBulkTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const to = Form.useWatch("to", form);
  const on = Form.useWatch("on", form);
  const { options, backwards, settling, needsReason, window } = moveRules(households, { to, on, windows });

  useEffect(() => {
    if (windows && !form.getFieldValue("on")) form.setFieldsValue({ on: dayjs(windows.today) });
  }, [windows, form]);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const { moved } = await bulk.mutateAsync({
        items: households.map(({ id, version }) => ({ id, version })),
        to: values.to,
        on: values.on.format("YYYY-MM-DD"),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      void message.success(t("households.bulk.done", { count: moved, state: t(`households.states.${values.to}`) }));
      onDone();
    } catch (error) {
      const issue = isApiError(error) ? error.details[0] : undefined;
      const name = typeof issue?.params?.headName === "string" ? issue.params.headName : undefined;
      setFailure(
        issue && name
          ? t("households.bulk.refused", { name, problem: fieldIssueMessage(t, issue) })
          : actionErrorMessage(t, error),
      );
    }
  };

  return (
    <FormModal<Values>
      name="bulk-move-households"
      title={t("households.bulk.title", { count: households.length })}
      form={form}
      saving={bulk.isPending}
      okText={t("households.moveOk")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint-block">
        {t("households.bulk.selected", {
          names: households
            .slice(0, 5)
            .map((h) => h.headName)
            .join("、"),
          count: households.length,
        })}
      </p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      {options.length === 0 && (
        <Alert type="warning" showIcon className="form-alert" title={t("households.bulk.noCommonState")} />
      )}
      {settling > 0 && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t(isSettled(to!) ? "households.bulk.settlesUp" : "households.bulk.settlesDown", { count: settling })}
        />
      )}
      <MoveFields options={options} window={window} needsReason={needsReason} backwards={backwards} />
    </FormModal>
  );
}
