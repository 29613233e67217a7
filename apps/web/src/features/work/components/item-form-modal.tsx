import { ItemSchema, TEXT_MAX, type Department, type Item, type ItemUpdate, type Person } from "@resettle/domain";
import type { DateWindow } from "@resettle/domain";
import { App, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { useCreateItem } from "../api/use-create-work";
import { useUpdateItem } from "../api/use-update-work";
import { ResponsibleFields } from "./responsible-fields";

type Values = {
  title: string;
  cause?: string | null;
  measure?: string | null;
  dueDate: Dayjs;
  responsibleDepartmentId: string;
  responsiblePersonId?: string | null;
};

type Props = {
  projectId: string;
  projectName: string;
  /** The item to edit, or null to add one. */
  item?: Item | null;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  /** The due dates the server accepts (`planWindows`): the picker disables the rest. */
  dueWindow?: DateWindow;
  /** Told once the record is saved (the hook has already refreshed what shows it). */
  onSaved?: () => void;
  onClose: () => void;
};

const orNull = (text: string | null | undefined) => text?.trim() || null;

const toValues = (i: Item): Values => ({
  title: i.title,
  cause: i.cause,
  measure: i.measure,
  dueDate: dayjs(i.dueDate),
  // Every item has a department; the form requires one.
  responsibleDepartmentId: i.responsibleDepartmentId ?? "",
  responsiblePersonId: i.responsiblePersonId,
});

/** The fields as the server takes them. */
const toBody = (values: Values) => ({
  title: values.title.trim(),
  cause: orNull(values.cause),
  measure: orNull(values.measure),
  dueDate: values.dueDate.format("YYYY-MM-DD"),
  responsibleDepartmentId: values.responsibleDepartmentId,
  responsiblePersonId: values.responsiblePersonId ?? null,
});

/** Only what the user changed against the record the edit is based on, and its version. */
function itemChanges(base: Item, values: Values): ItemUpdate {
  const body = toBody(values);
  const changes: ItemUpdate = { version: base.version };
  if (body.title !== base.title) changes.title = body.title;
  if (body.cause !== base.cause) changes.cause = body.cause;
  if (body.measure !== base.measure) changes.measure = body.measure;
  if (body.dueDate !== base.dueDate) changes.dueDate = body.dueDate;
  const departmentChanged = body.responsibleDepartmentId !== base.responsibleDepartmentId;
  if (departmentChanged) changes.responsibleDepartmentId = body.responsibleDepartmentId;
  // A new department takes the chosen person (or none) with it, whatever the old one was.
  if (departmentChanged || body.responsiblePersonId !== base.responsiblePersonId)
    changes.responsiblePersonId = body.responsiblePersonId;
  return changes;
}

/** 新增或编辑整改事项: for the office and the working group. */
export function ItemFormModal({
  projectId,
  projectName,
  item = null,
  departments,
  persons,
  dueWindow,
  onSaved,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const limits = { text: textLimit(t, TEXT_MAX.itemText), measure: textLimit(t, TEXT_MAX.measure) };
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateItem(projectId);
  const update = useUpdateItem();

  const departmentName = (id: string | null | undefined) => departments?.find((d) => d.id === id)?.name ?? NO_VALUE;
  const personName = (id: string | null | undefined) => persons?.find((p) => p.id === id)?.name ?? NO_VALUE;
  const fields: ConflictField<Values>[] = [
    { key: "title", label: t("work.items.problem"), text: (v) => v.title?.trim() || NO_VALUE },
    { key: "cause", label: t("work.items.cause"), text: (v) => orNull(v.cause) ?? NO_VALUE },
    { key: "measure", label: t("work.items.measure"), text: (v) => orNull(v.measure) ?? NO_VALUE },
    {
      key: "dueDate",
      label: t("work.items.deadline"),
      text: (v) => (v.dueDate ? formatDate(v.dueDate.format("YYYY-MM-DD")) : NO_VALUE),
    },
    {
      key: "department",
      label: t("work.items.responsibleDepartment"),
      text: (v) => departmentName(v.responsibleDepartmentId),
    },
    { key: "person", label: t("work.items.responsiblePerson"), text: (v) => personName(v.responsiblePersonId) },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: item,
    schema: ItemSchema,
    form,
    toValues,
    fields,
  });

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    const placed = applyFieldErrors(form, error, t, ({ field }) =>
      field === "responsiblePersonId" ? t("work.form.personInvalid") : undefined,
    );
    if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const done = (text: string) => {
    void message.success(text);
    onSaved?.();
    onClose();
  };

  const submit = (values: Values) => {
    if (!base) {
      create.mutate(toBody(values), { onSuccess: () => done(t("work.items.created")), onError });
      return;
    }
    const changes = itemChanges(base, values);
    if (Object.keys(changes).length === 1) {
      void message.info(t("work.form.unchanged"));
      onClose();
      return;
    }
    update.mutate({ id: base.id, changes }, { onSuccess: () => done(t("work.items.saved")), onError });
  };

  return (
    <>
      <FormModal<Values>
        name="item-form"
        title={t(base ? "work.items.editTitle" : "work.items.createTitle", { name: projectName })}
        form={form}
        initialValues={item ? toValues(item) : undefined}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item label={t("work.items.problem")} name="title" rules={[requiredRule(t), limits.text.rule]}>
          <Input.TextArea autoFocus rows={2} count={limits.text.count} />
        </Form.Item>
        <Form.Item label={t("work.items.cause")} name="cause" rules={[limits.text.rule]}>
          <Input.TextArea rows={2} count={limits.text.count} />
        </Form.Item>
        <Form.Item label={t("work.items.measure")} name="measure" rules={[limits.measure.rule]}>
          <Input.TextArea rows={3} count={limits.measure.count} />
        </Form.Item>
        <Form.Item
          label={t("work.items.deadline")}
          name="dueDate"
          rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, dueWindow)]}
          extra={
            dueWindow &&
            t("planWindows.dueDate", { minimum: formatDate(dueWindow.minimum), maximum: formatDate(dueWindow.maximum) })
          }
        >
          <BoundedDatePicker className="full-width" bounds={dueWindow} />
        </Form.Item>
        <ResponsibleFields departments={departments} persons={persons} departmentRequired />
      </FormModal>
      {conflictModal}
    </>
  );
}
