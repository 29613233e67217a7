import { PersonSchema, TEXT_MAX, type Department, type Person } from "@resettle/domain";
import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { applyFieldErrors } from "../../../lib/form-errors";
import { phoneRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreatePerson, useUpdatePerson } from "../api/use-save-person";
import { actionErrorMessage } from "../../../lib/error-message";

type Values = { name: string; title?: string | null; departmentId: string; phone?: string | null };

type Props = {
  person: Person | null;
  departments: Department[] | undefined;
  /** Preselected for a new person: the department the list is filtered by. */
  defaultDepartmentId?: string;
  onClose: () => void;
};

const toValues = (p: Person): Values => ({
  name: p.name,
  title: p.title,
  departmentId: p.departmentId,
  phone: p.phone,
});

const orNull = (value: string | null | undefined) => value?.trim() || null;

export function PersonFormModal({ person, departments, defaultDepartmentId, onClose }: Props) {
  const { t } = useTranslation();
  const nameLimit = textLimit(t, TEXT_MAX.name);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const update = useUpdatePerson();

  const departmentName = (id: string | undefined) => departments?.find((d) => d.id === id)?.name ?? NO_VALUE;
  const fields: ConflictField<Values>[] = [
    { key: "name", label: t("admin.persons.form.name"), text: (v) => v.name || NO_VALUE },
    { key: "title", label: t("admin.persons.form.title"), text: (v) => v.title || NO_VALUE },
    { key: "department", label: t("admin.persons.form.department"), text: (v) => departmentName(v.departmentId) },
    { key: "phone", label: t("admin.persons.form.phone"), text: (v) => v.phone || NO_VALUE },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: person,
    schema: PersonSchema,
    form,
    toValues,
    fields,
  });

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    const placed = applyFieldErrors(form, error, t, ({ field, reason, params }) => {
      if (field === "phone") return t("validation.phone");
      // Moving someone to another department: the server names what still ties them to the old one.
      if (reason === "still_responsible") return t("admin.persons.form.stillResponsible", params);
      if (reason === "linked_accounts") return t("admin.persons.form.linkedAccounts");
      return undefined;
    });
    if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const submit = (values: Values) => {
    const body = {
      name: values.name.trim(),
      title: orNull(values.title),
      departmentId: values.departmentId,
      phone: orNull(values.phone),
    };
    const done = () => {
      void message.success(t("common.saved"));
      onClose();
    };
    if (base) update.mutate({ id: base.id, changes: { ...body, version: base.version } }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  return (
    <>
      <FormModal<Values>
        name="person-form"
        title={base ? t("admin.persons.form.editTitle", { name: base.name }) : t("admin.persons.form.createTitle")}
        form={form}
        initialValues={person ? toValues(person) : { departmentId: defaultDepartmentId }}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item label={t("admin.persons.form.name")} name="name" rules={[requiredRule(t), nameLimit.rule]}>
          <Input autoFocus count={nameLimit.count} />
        </Form.Item>
        <Form.Item label={t("admin.persons.form.title")} name="title" rules={[nameLimit.rule]}>
          <Input count={nameLimit.count} />
        </Form.Item>
        <Form.Item label={t("admin.persons.form.department")} name="departmentId" rules={[requiredRule(t)]}>
          <DepartmentSelect departments={departments} />
        </Form.Item>
        <Form.Item label={t("admin.persons.form.phone")} name="phone" rules={[phoneRule(t)]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
