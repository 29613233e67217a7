import { TEXT_MAX, type AssignResponsibility, type Department, type Person } from "@resettle/domain";
import { App, Form, Input, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import type { ResponsibilityTarget } from "../api/responsibility.queries";
import { useAssignResponsibility } from "../api/use-assign-responsibility";
import { actionErrorMessage } from "../../../lib/error-message";

type Values = { departmentId?: string; personId?: string | null; reason: string };

type Props = {
  target: ResponsibilityTarget;
  title: ReactNode;
  /** Who is responsible now, and the version of the project or milestone the user sees. */
  current: { departmentId: string | null; personId: string | null; version: number };
  departments: Department[] | undefined;
  /** Every person: the list offers the active ones of the chosen department. */
  persons: Person[] | undefined;
  /** Shown under the form, for context (a milestone's earlier assignments). */
  children?: ReactNode;
  onClose: () => void;
};

export function ResponsibilityModal(props: Props) {
  const { target, title, current, departments, persons, children, onClose } = props;
  const { t } = useTranslation();
  const reasonLimit = textLimit(t, TEXT_MAX.note);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const assign = useAssignResponsibility(target);
  const departmentId = Form.useWatch("departmentId", form);

  // The current person stays readable even if deactivated since; the server refuses to keep them.
  const personOptions = (persons ?? [])
    .filter((p) => (p.active || p.id === current.personId) && p.departmentId === departmentId)
    .map((p) => ({
      value: p.id,
      label: [p.name, p.title && `（${p.title}）`, !p.active && t("responsibility.inactiveSuffix")]
        .filter(Boolean)
        .join(""),
    }));

  const submit = (values: Values) => {
    const body: AssignResponsibility = {
      departmentId: values.departmentId!,
      personId: values.personId ?? null,
      reason: values.reason.trim(),
      version: current.version,
    };
    assign.mutate(body, {
      onSuccess: () => {
        void message.success(t("responsibility.saved"));
        onClose();
      },
      onError: (error) => {
        const placed = applyFieldErrors(form, error, t, ({ field }) => {
          if (field === "personId") return t("responsibility.personInvalid");
          if (field === "reason") return t("responsibility.reasonRequired");
          return undefined;
        });
        if (!placed) void message.error(actionErrorMessage(t, error));
      },
    });
  };

  return (
    <FormModal<Values>
      name={`responsibility-${target.kind}`}
      title={title}
      form={form}
      initialValues={{ departmentId: current.departmentId ?? undefined, personId: current.personId }}
      saving={assign.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form.Item
        label={t("responsibility.department")}
        name="departmentId"
        rules={[{ required: true, message: t("responsibility.departmentRequired") }]}
      >
        <DepartmentSelect
          autoFocus
          departments={departments}
          onChange={(id?: string) => {
            const chosen = persons?.find((p) => p.id === form.getFieldValue("personId"));
            if (chosen && chosen.departmentId !== id) form.setFieldValue("personId", null);
          }}
        />
      </Form.Item>
      <Form.Item label={t("responsibility.person")} name="personId" extra={t("responsibility.personHint")}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          loading={!persons}
          disabled={!departmentId}
          options={personOptions}
          placeholder={t("responsibility.personNone")}
          notFoundContent={t("responsibility.noPersons")}
        />
      </Form.Item>
      <Form.Item
        label={t("responsibility.reason")}
        name="reason"
        rules={[requiredRule(t, t("responsibility.reasonRequired")), reasonLimit.rule]}
      >
        <Input.TextArea rows={3} count={reasonLimit.count} placeholder={t("responsibility.reasonPlaceholder")} />
      </Form.Item>
      {children}
    </FormModal>
  );
}
