import {
  DepartmentKindSchema,
  DepartmentSchema,
  TEXT_MAX,
  type Department,
  type DepartmentKind,
  type District,
} from "@resettle/domain";
import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { isApiError } from "../../../lib/api-error";
import { applyFieldErrors } from "../../../lib/form-errors";
import { codeRules, requiredRule, textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreateDepartment, useUpdateDepartment } from "../api/use-save-department";
import { actionErrorMessage } from "../../../lib/error-message";

type Values = {
  code?: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  districtId?: string | null;
};

type Props = {
  department: Department | null;
  districts: District[] | undefined;
  onClose: () => void;
};

const toValues = (d: Department): Values => ({
  name: d.name,
  shortName: d.shortName,
  kind: d.kind,
  districtId: d.districtId,
});

export function DepartmentFormModal({ department, districts, onClose }: Props) {
  const { t } = useTranslation();
  const limits = {
    code: textLimit(t, TEXT_MAX.code),
    name: textLimit(t, TEXT_MAX.longName),
    shortName: textLimit(t, TEXT_MAX.departmentShortName),
  };
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();

  const districtName = (id: string | null | undefined) => districts?.find((d) => d.id === id)?.name ?? NO_VALUE;
  const fields: ConflictField<Values>[] = [
    { key: "name", label: t("admin.departments.form.name"), text: (v) => v.name ?? NO_VALUE },
    { key: "shortName", label: t("admin.departments.form.shortName"), text: (v) => v.shortName ?? NO_VALUE },
    {
      key: "kind",
      label: t("admin.departments.form.kind"),
      text: (v) => (v.kind ? t(`enums.departmentKind.${v.kind}`) : NO_VALUE),
    },
    { key: "district", label: t("admin.departments.form.district"), text: (v) => districtName(v.districtId) },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: department,
    schema: DepartmentSchema,
    form,
    toValues,
    fields,
  });

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    if (!base && isApiError(error) && error.isConflict) {
      form.setFields([{ name: "code", errors: [t("admin.departments.form.codeTaken")] }]);
      return;
    }
    const placed = applyFieldErrors(form, error, t, ({ field, reason }) => {
      if (field === "districtId") return t("admin.departments.form.districtRequired");
      if (field === "code") return reason === "taken" ? t("admin.departments.form.codeTaken") : t("validation.code");
      return undefined;
    });
    if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const submit = (values: Values) => {
    const common = {
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      kind: values.kind,
      districtId: values.districtId ?? null,
    };
    const done = () => {
      void message.success(t("common.saved"));
      onClose();
    };
    if (base) {
      update.mutate({ id: base.id, changes: { ...common, version: base.version } }, { onSuccess: done, onError });
    } else {
      create.mutate({ ...common, code: values.code!.trim() }, { onSuccess: done, onError });
    }
  };

  return (
    <>
      <FormModal<Values>
        name="department-form"
        title={
          base ? t("admin.departments.form.editTitle", { name: base.name }) : t("admin.departments.form.createTitle")
        }
        form={form}
        initialValues={department ? toValues(department) : { kind: "municipal_department" }}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        {department ? (
          <Form.Item label={t("admin.departments.form.code")} extra={t("admin.departments.form.codeFixed")}>
            <Input value={department.code} readOnly disabled />
          </Form.Item>
        ) : (
          <Form.Item
            label={t("admin.departments.form.code")}
            name="code"
            rules={codeRules(t)}
            extra={t("validation.code")}
          >
            <Input autoFocus autoComplete="off" spellCheck={false} count={limits.code.count} />
          </Form.Item>
        )}
        <Form.Item label={t("admin.departments.form.name")} name="name" rules={[requiredRule(t), limits.name.rule]}>
          <Input autoFocus={!!department} count={limits.name.count} />
        </Form.Item>
        <Form.Item
          label={t("admin.departments.form.shortName")}
          name="shortName"
          rules={[requiredRule(t), limits.shortName.rule]}
        >
          <Input count={limits.shortName.count} />
        </Form.Item>
        <Form.Item label={t("admin.departments.form.kind")} name="kind" rules={[requiredRule(t)]}>
          <Select
            options={DepartmentKindSchema.options.map((k) => ({ value: k, label: t(`enums.departmentKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t("admin.departments.form.district")}
          name="districtId"
          dependencies={["kind"]}
          rules={[
            ({ getFieldValue }) => ({
              required: getFieldValue("kind") === "district_government",
              message: t("admin.departments.form.districtRequired"),
            }),
          ]}
        >
          <Select
            allowClear
            loading={!districts}
            options={districts?.map((d) => ({ value: d.id, label: d.name }))}
            placeholder={t("admin.departments.form.districtNone")}
          />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
