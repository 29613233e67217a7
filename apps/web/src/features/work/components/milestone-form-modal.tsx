import { MilestoneKindSchema, type Department, type MilestoneKind, type Person } from "@resettle/domain";
import { App, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { maxLengthRule, requiredRule } from "../../../lib/form-rules";
import { useCreateMilestone } from "../api/use-create-work";
import { ResponsibleFields } from "./responsible-fields";

type Values = {
  kind: MilestoneKind;
  title: string;
  dueDate: Dayjs;
  responsibleDepartmentId?: string | null;
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

/** 新增推进节点: for the office and the working group. */
export function MilestoneFormModal({ projectId, projectName, departments, persons, onCreated, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMilestone(projectId);

  const submit = (values: Values) =>
    create.mutate(
      {
        kind: values.kind,
        title: values.title.trim(),
        dueDate: values.dueDate.format("YYYY-MM-DD"),
        responsibleDepartmentId: values.responsibleDepartmentId ?? null,
        responsiblePersonId: values.responsiblePersonId ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t("work.milestones.created"));
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
      name="milestone-form"
      title={t("work.milestones.createTitle", { name: projectName })}
      form={form}
      initialValues={{ kind: "construction" }}
      saving={create.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form.Item label={t("work.milestones.kind")} name="kind" rules={[{ required: true }]}>
        <Select
          options={MilestoneKindSchema.options.map((k) => ({ value: k, label: t(`enums.milestoneKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item label={t("work.milestones.title")} name="title" rules={[requiredRule(t), maxLengthRule(t, 200)]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item
        label={t("work.milestones.dueDate")}
        name="dueDate"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <DatePicker className="full-width" />
      </Form.Item>
      <ResponsibleFields departments={departments} persons={persons} departmentRequired={false} />
    </FormModal>
  );
}
