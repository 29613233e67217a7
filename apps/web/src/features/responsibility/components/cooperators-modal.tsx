import { COOPERATORS_MAX, type Cooperators, type Department } from "@resettle/domain";
import { App, Form } from "antd";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import type { CooperationTarget } from "../api/responsibility.queries";
import { useSetCooperators } from "../api/use-set-cooperators";

type Values = { departmentIds: string[] };

type Props = {
  target: CooperationTarget;
  /** What the record is called, for the title. */
  name: string;
  current: Cooperators;
  departments: Department[] | undefined;
  onClose: () => void;
};

/**
 * 设置配合单位 (the office): the whole set at once. The lead is not offered — it cannot also
 * cooperate —, unless it is already in the set (the lead changed meanwhile): then it shows by
 * name, to be removed, and the server's refusal lands on the field.
 */
export function CooperatorsModal({ target, name, current, departments, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetCooperators(target);
  const currentIds = current.cooperating.map((d) => d.id);
  const offered = departments?.filter((d) => d.id !== current.lead?.id || currentIds.includes(d.id));

  const submit = ({ departmentIds }: Values) =>
    save.mutate(
      { departmentIds },
      {
        onSuccess: () => {
          void message.success(t("cooperation.saved"));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, t)) void message.error(actionErrorMessage(t, error));
        },
      },
    );

  return (
    <FormModal<Values>
      name={`cooperators-${target.kind}`}
      title={t("cooperation.modalTitle", { name })}
      form={form}
      initialValues={{ departmentIds: currentIds }}
      saving={save.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <p className="form-hint-block">
        {t("cooperation.modalHint", { lead: current.lead?.name ?? t("project.notSet") })}
      </p>
      <Form.Item
        label={t("cooperation.cooperating")}
        name="departmentIds"
        rules={[{ type: "array", max: COOPERATORS_MAX, message: t("cooperation.tooMany", { max: COOPERATORS_MAX }) }]}
      >
        <DepartmentSelect<string[]>
          autoFocus
          mode="multiple"
          allowClear
          departments={offered}
          placeholder={t("cooperation.placeholder")}
        />
      </Form.Item>
    </FormModal>
  );
}
