import { CauseCreateSchema, CauseSchema, TEXT_MAX, type Cause } from "@resettle/domain";
import { App, Form, Input, InputNumber } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreateCause, useUpdateCause } from "../api/use-save-cause";

type Values = { code?: string; name: string; sortOrder: number };

type Props = {
  cause: Cause | null;
  /** Where a new cause goes by default: after the last one. */
  nextSortOrder: number;
  onClose: () => void;
};

const toValues = (c: Cause): Values => ({ name: c.name, sortOrder: c.sortOrder });

const codeShape = CauseCreateSchema.shape.code;

export function CauseFormModal({ cause, nextSortOrder, onClose }: Props) {
  const { t } = useTranslation();
  const limits = { code: textLimit(t, TEXT_MAX.code), name: textLimit(t, TEXT_MAX.name) };
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCause();
  const update = useUpdateCause();

  const fields: ConflictField<Values>[] = [
    { key: "name", label: t("causes.form.name"), text: (v) => v.name || NO_VALUE },
    { key: "sortOrder", label: t("causes.form.sortOrder"), text: (v) => (v.sortOrder ?? NO_VALUE).toString() },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: cause,
    schema: CauseSchema,
    form,
    toValues,
    fields,
  });

  const codeRule: Rule = {
    validator: async (_, value: unknown) => {
      if (typeof value === "string" && value !== "" && !codeShape.safeParse(value).success)
        throw new Error(t("causes.form.codeFormat"));
    },
  };

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    // Creating: the only thing that can collide is the code.
    if (!base && isApiError(error) && error.isConflict) {
      form.setFields([{ name: "code", errors: [t("causes.form.codeTaken")] }]);
      return;
    }
    const placed = applyFieldErrors(form, error, t, ({ field, reason }) => {
      if (field === "code") return reason === "taken" ? t("causes.form.codeTaken") : t("causes.form.codeFormat");
      if (field === "name" && reason === "taken") return t("causes.form.nameTaken");
      return undefined;
    });
    if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const submit = (values: Values) => {
    const done = () => {
      void message.success(t("common.saved"));
      onClose();
    };
    const common = { name: values.name.trim(), sortOrder: values.sortOrder };
    if (base)
      update.mutate({ id: base.id, changes: { ...common, version: base.version } }, { onSuccess: done, onError });
    else create.mutate({ ...common, code: values.code!.trim() }, { onSuccess: done, onError });
  };

  return (
    <>
      <FormModal<Values>
        name="cause-form"
        title={base ? t("causes.form.editTitle", { name: base.name }) : t("causes.form.createTitle")}
        form={form}
        initialValues={cause ? toValues(cause) : { sortOrder: nextSortOrder }}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        {cause ? (
          <Form.Item label={t("causes.form.code")} extra={t("causes.form.codeFixed")}>
            <Input value={cause.code} readOnly disabled />
          </Form.Item>
        ) : (
          <Form.Item
            label={t("causes.form.code")}
            name="code"
            rules={[requiredRule(t), limits.code.rule, codeRule]}
            extra={t("causes.form.codeHint")}
          >
            <Input autoFocus autoComplete="off" spellCheck={false} count={limits.code.count} />
          </Form.Item>
        )}
        <Form.Item label={t("causes.form.name")} name="name" rules={[requiredRule(t), limits.name.rule]}>
          <Input autoFocus={!!cause} count={limits.name.count} />
        </Form.Item>
        <Form.Item
          label={t("causes.form.sortOrder")}
          name="sortOrder"
          rules={[{ required: true, message: t("validation.required") }]}
          extra={t("causes.form.sortOrderHint")}
        >
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
