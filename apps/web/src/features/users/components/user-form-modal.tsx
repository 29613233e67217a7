import { RoleSchema, TEXT_MAX, UserSchema, type Department, type Person, type Role, type User } from "@resettle/domain";
import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { isApiError } from "../../../lib/api-error";
import { applyFieldErrors } from "../../../lib/form-errors";
import {
  newPasswordRules,
  passwordIssueMessage,
  requiredRule,
  textLimit,
  usernameRules,
} from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreateUser, useUpdateUser } from "../api/use-save-user";
import { actionErrorMessage } from "../../../lib/error-message";

export type UserFormValues = {
  username?: string;
  password?: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  personId?: string | null;
};

type Props = {
  /** The account to edit, or null to create one. */
  user: User | null;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  onClose: () => void;
};

const toValues = (user: User): UserFormValues => ({
  displayName: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  personId: user.personId,
});

export function UserFormModal({ user, departments, persons, onClose }: Props) {
  const { t } = useTranslation();
  const displayNameLimit = textLimit(t, TEXT_MAX.name);
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const role = Form.useWatch("role", form);
  const departmentId = Form.useWatch("departmentId", form);

  const departmentName = (id: string | null | undefined) => departments?.find((d) => d.id === id)?.name ?? NO_VALUE;
  const personName = (id: string | null | undefined) => persons?.find((p) => p.id === id)?.name ?? NO_VALUE;
  const fields: ConflictField<UserFormValues>[] = [
    { key: "displayName", label: t("admin.users.form.displayName"), text: (v) => v.displayName ?? NO_VALUE },
    { key: "role", label: t("admin.users.form.role"), text: (v) => (v.role ? t(`enums.role.${v.role}`) : NO_VALUE) },
    { key: "department", label: t("admin.users.form.department"), text: (v) => departmentName(v.departmentId) },
    { key: "person", label: t("admin.users.form.person"), text: (v) => personName(v.personId) },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: user,
    schema: UserSchema,
    form,
    toValues,
    fields,
  });

  // Persons who can be linked: active ones of the chosen department, and whoever is linked now.
  const personOptions = (persons ?? [])
    .filter((p) => (p.active || p.id === base?.personId) && (!departmentId || p.departmentId === departmentId))
    .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    if (!base && isApiError(error) && error.isConflict) {
      form.setFields([{ name: "username", errors: [t("admin.users.form.usernameTaken")] }]);
      return;
    }
    const placed = applyFieldErrors(form, error, t, (issue) => {
      if (issue.field === "password") return passwordIssueMessage(t, issue);
      if (issue.reason === "self_demotion") return t("admin.users.form.selfDemote");
      if (issue.field === "departmentId") return t("admin.users.form.departmentRequired");
      if (issue.field === "personId") return t("admin.users.form.personInvalid");
      if (issue.field === "username" && issue.reason === "taken") return t("admin.users.form.usernameTaken");
      return undefined;
    });
    if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const submit = (values: UserFormValues) => {
    const common = {
      displayName: values.displayName.trim(),
      role: values.role,
      departmentId: values.departmentId ?? null,
      personId: values.personId ?? null,
    };
    const done = (text: string) => () => {
      void message.success(text);
      onClose();
    };
    if (base) {
      update.mutate(
        { id: base.id, changes: { ...common, version: base.version } },
        { onSuccess: done(t("common.saved")), onError },
      );
    } else {
      create.mutate(
        { ...common, username: values.username!.trim().toLowerCase(), password: values.password! },
        { onSuccess: done(t("admin.users.created")), onError },
      );
    }
  };

  return (
    <>
      <FormModal<UserFormValues>
        name="user-form"
        title={base ? t("admin.users.form.editTitle", { name: base.username }) : t("admin.users.form.createTitle")}
        form={form}
        initialValues={user ? toValues(user) : { role: "coordinator" }}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        {!user && (
          <>
            <Form.Item
              label={t("admin.users.form.username")}
              name="username"
              rules={usernameRules(t)}
              extra={t("validation.username")}
            >
              <Input autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item
              label={t("admin.users.form.password")}
              name="password"
              rules={newPasswordRules(t)}
              extra={t("auth.password.hint")}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={t("admin.users.form.displayName")}
          name="displayName"
          rules={[requiredRule(t), displayNameLimit.rule]}
        >
          <Input autoFocus={!!user} count={displayNameLimit.count} />
        </Form.Item>
        <Form.Item label={t("admin.users.form.role")} name="role" rules={[requiredRule(t)]}>
          <Select options={RoleSchema.options.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          label={t("admin.users.form.department")}
          name="departmentId"
          dependencies={["role"]}
          extra={role === "coordinator" ? t("admin.users.form.departmentHint") : undefined}
          rules={[
            ({ getFieldValue }) => ({
              required: getFieldValue("role") === "coordinator",
              message: t("admin.users.form.departmentRequired"),
            }),
          ]}
        >
          <DepartmentSelect
            allowClear
            departments={departments}
            onChange={(id?: string) => {
              const linked = persons?.find((p) => p.id === form.getFieldValue("personId"));
              if (linked && id && linked.departmentId !== id) form.setFieldValue("personId", null);
            }}
          />
        </Form.Item>
        <Form.Item label={t("admin.users.form.person")} name="personId" extra={t("admin.users.form.personHint")}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            loading={!persons}
            options={personOptions}
            placeholder={t("admin.users.form.personNone")}
          />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
