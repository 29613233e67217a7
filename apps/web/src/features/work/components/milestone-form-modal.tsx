import {
  MilestoneKindSchema,
  MilestoneSchema,
  TEXT_MAX,
  type Department,
  type Milestone,
  type MilestoneKind,
  type MilestoneUpdate,
  type Person,
} from "@resettle/domain";
import type { DateWindow } from "@resettle/domain";
import { App, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { useCreateMilestone } from "../api/use-create-work";
import { useUpdateMilestone } from "../api/use-update-work";
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
  /** The milestone to edit, or null to add one. */
  milestone?: Milestone | null;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  /** The due dates the server accepts (`planWindows`): the picker disables the rest. */
  dueWindow?: DateWindow;
  /** Told once the record is saved (the hook has already refreshed what shows it). */
  onSaved?: () => void;
  onClose: () => void;
};

const toValues = (m: Milestone): Values => ({ kind: m.kind, title: m.title, dueDate: dayjs(m.dueDate) });

/** Only what the user changed against the record the edit is based on, and its version. */
function milestoneChanges(base: Milestone, values: Values): MilestoneUpdate {
  const changes: MilestoneUpdate = { version: base.version };
  const title = values.title.trim();
  const dueDate = values.dueDate.format("YYYY-MM-DD");
  if (values.kind !== base.kind) changes.kind = values.kind;
  if (title !== base.title) changes.title = title;
  if (dueDate !== base.dueDate) changes.dueDate = dueDate;
  return changes;
}

/**
 * 新增或编辑推进节点: for the office and the working group. Editing changes the kind, title and
 * due date; who answers for the milestone changes through 指定责任, which keeps its history.
 */
export function MilestoneFormModal({
  projectId,
  projectName,
  milestone = null,
  departments,
  persons,
  dueWindow,
  onSaved,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const titleLimit = textLimit(t, TEXT_MAX.title);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMilestone(projectId);
  const update = useUpdateMilestone();

  const fields: ConflictField<Values>[] = [
    {
      key: "kind",
      label: t("work.milestones.kind"),
      text: (v) => (v.kind ? t(`enums.milestoneKind.${v.kind}`) : NO_VALUE),
    },
    { key: "title", label: t("work.milestones.title"), text: (v) => v.title?.trim() || NO_VALUE },
    {
      key: "dueDate",
      label: t("work.milestones.dueDate"),
      text: (v) => (v.dueDate ? formatDate(v.dueDate.format("YYYY-MM-DD")) : NO_VALUE),
    },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: milestone,
    schema: MilestoneSchema,
    form,
    toValues,
    fields,
  });

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    if (!applyFieldErrors(form, error, t)) void message.error(actionErrorMessage(t, error));
  };

  const done = (text: string) => {
    void message.success(text);
    onSaved?.();
    onClose();
  };

  const submit = (values: Values) => {
    if (!base) {
      create.mutate(
        {
          kind: values.kind,
          title: values.title.trim(),
          dueDate: values.dueDate.format("YYYY-MM-DD"),
          // Required by the form (and refused by the server with department_required otherwise).
          responsibleDepartmentId: values.responsibleDepartmentId!,
          responsiblePersonId: values.responsiblePersonId ?? null,
        },
        { onSuccess: () => done(t("work.milestones.created")), onError },
      );
      return;
    }
    const changes = milestoneChanges(base, values);
    if (Object.keys(changes).length === 1) {
      void message.info(t("work.form.unchanged"));
      onClose();
      return;
    }
    update.mutate({ id: base.id, changes }, { onSuccess: () => done(t("work.milestones.saved")), onError });
  };

  return (
    <>
      <FormModal<Values>
        name="milestone-form"
        title={
          base
            ? t("work.milestones.editTitle", { title: base.title })
            : t("work.milestones.createTitle", { name: projectName })
        }
        form={form}
        initialValues={milestone ? toValues(milestone) : { kind: "construction" }}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item label={t("work.milestones.kind")} name="kind" rules={[{ required: true }]}>
          <Select
            options={MilestoneKindSchema.options.map((k) => ({ value: k, label: t(`enums.milestoneKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("work.milestones.title")} name="title" rules={[requiredRule(t), titleLimit.rule]}>
          <Input autoFocus count={titleLimit.count} />
        </Form.Item>
        <Form.Item
          label={t("work.milestones.dueDate")}
          name="dueDate"
          rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, dueWindow)]}
          extra={
            dueWindow &&
            t("planWindows.dueDate", { minimum: formatDate(dueWindow.minimum), maximum: formatDate(dueWindow.maximum) })
          }
        >
          <BoundedDatePicker className="full-width" bounds={dueWindow} />
        </Form.Item>
        {base ? (
          <p className="form-hint">{t("work.milestones.responsibilityHint")}</p>
        ) : (
          <ResponsibleFields departments={departments} persons={persons} departmentRequired />
        )}
      </FormModal>
      {conflictModal}
    </>
  );
}
