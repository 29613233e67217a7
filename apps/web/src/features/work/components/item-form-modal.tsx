import type { Department, Person } from "@resettle/domain";
import { App, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { maxLengthRule, requiredRule } from "../../../lib/form-rules";
import { useCreateItem } from "../api/use-create-work";
import { ResponsibleFields } from "./responsible-fields";

type Values = {
  problem: string;
  cause?: string;
  measure?: string;
  deadline: Dayjs;
  responsibleDepartmentId: string;
  responsiblePersonId?: string | null;
};

type Props = {
  projectId: string;
  projectName: string;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  onCreated: () => void;
  onClose: () => void;
};

const orNull = (text: string | undefined) => text?.trim() || null;

/** 新增整改事项: for the office and the working group. */
export function ItemFormModal({ projectId, projectName, departments, persons, onCreated, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateItem(projectId);

  const submit = (values: Values) =>
    create.mutate(
      {
        problem: values.problem.trim(),
        cause: orNull(values.cause),
        measure: orNull(values.measure),
        deadline: values.deadline.format("YYYY-MM-DD"),
        responsibleDepartmentId: values.responsibleDepartmentId,
        responsiblePersonId: values.responsiblePersonId ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t("work.items.created"));
          onCreated();
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) void message.error(actionErrorMessage(t, error));
        },
      },
    );

  return (
    <FormModal<Values>
      name="item-form"
      title={t("work.items.createTitle", { name: projectName })}
      form={form}
      saving={create.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form.Item label={t("work.items.problem")} name="problem" rules={[requiredRule(t), maxLengthRule(t, 500)]}>
        <Input.TextArea autoFocus rows={2} />
      </Form.Item>
      <Form.Item label={t("work.items.cause")} name="cause" rules={[maxLengthRule(t, 500)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t("work.items.measure")} name="measure" rules={[maxLengthRule(t, 1000)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        label={t("work.items.deadline")}
        name="deadline"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <DatePicker className="full-width" />
      </Form.Item>
      <ResponsibleFields departments={departments} persons={persons} departmentRequired />
    </FormModal>
  );
}
