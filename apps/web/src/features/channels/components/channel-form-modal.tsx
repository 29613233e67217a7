import {
  CHANNEL_RECIPIENTS_MAX,
  ChannelKindSchema,
  EmailAddressSchema,
  MailHostSchema,
  NotificationChannelSchema,
  TEXT_MAX,
  type Department,
  type NotificationChannel,
  WebhookUrlSchema,
} from "@resettle/domain";
import { App, Checkbox, Form, Input, InputNumber, Select, Switch, type FormInstance } from "antd";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreateChannel, useUpdateChannel } from "../api/use-save-channel";
import {
  channelCreateBody,
  channelFieldOfIssuePath,
  channelFormValues,
  channelUpdateBody,
  type ChannelFormValues,
} from "../lib/channel-form";

type Props = {
  channel: NotificationChannel | null;
  departments: Department[] | undefined;
  onClose: () => void;
};

/** A field checked with the domain's own schema (what the server applies), worded by the form. */
const schemaRule = (schema: { safeParse(v: unknown): { success: boolean } }, message: string): Rule => ({
  validator: async (_, value: string | undefined) => {
    if (value?.trim() && !schema.safeParse(value.trim()).success) throw new Error(message);
  },
});
const isEmail = (address: string) => EmailAddressSchema.safeParse(address.trim()).success;
const portRule = (t: TFunction): Rule => ({
  validator: async (_, value: number | null | undefined) => {
    if (value == null) throw new Error(t("validation.required"));
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(t("channels.form.portInvalid"));
  },
});
const recipientsRule = (t: TFunction): Rule => ({
  validator: async (_, value: string[] | undefined) => {
    const to = value ?? [];
    if (to.length === 0) throw new Error(t("channels.form.toRequired"));
    const bad = to.find((a) => !isEmail(a));
    if (bad) throw new Error(t("channels.form.toInvalid", { address: bad }));
    if (to.length > CHANNEL_RECIPIENTS_MAX)
      throw new Error(t("channels.form.toTooMany", { max: CHANNEL_RECIPIENTS_MAX }));
    if (new Set(to.map((a) => a.trim().toLowerCase())).size !== to.length)
      throw new Error(t("channels.form.toDuplicate"));
  },
});

/** Puts the server's refusals on the form's flat fields (`body.config.url` → 地址). */
function applyChannelErrors(form: FormInstance<ChannelFormValues>, error: unknown, t: TFunction): boolean {
  if (!isApiError(error)) return false;
  const byField = new Map<string, string[]>();
  for (const issue of error.details) {
    const field = channelFieldOfIssuePath(issue.path);
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), fieldIssueMessage(t, issue)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof ChannelFormValues, errors })));
  return byField.size > 0;
}

/** 新增 / 编辑推送渠道: the kind's own settings; secrets never shown, kept unless typed again. */
export function ChannelFormModal({ channel, departments, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelFormValues>();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const limits = {
    name: textLimit(t, TEXT_MAX.longName),
    url: textLimit(t, TEXT_MAX.url),
    secret: textLimit(t, TEXT_MAX.secret),
    host: textLimit(t, TEXT_MAX.host),
    email: textLimit(t, TEXT_MAX.email),
  };
  const departmentName = (id: string | null | undefined) =>
    id ? (departments?.find((d) => d.id === id)?.name ?? NO_VALUE) : t("channels.allDepartments");
  const fields: ConflictField<ChannelFormValues>[] = [
    { key: "name", label: t("channels.form.name"), text: (v) => v.name ?? NO_VALUE },
    { key: "department", label: t("channels.form.department"), text: (v) => departmentName(v.departmentId) },
    {
      key: "enabled",
      label: t("channels.form.enabled"),
      text: (v) => t(v.enabled ? "common.active" : "common.inactive"),
    },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: channel,
    schema: NotificationChannelSchema,
    form,
    toValues: channelFormValues,
    fields,
  });
  const kind = Form.useWatch("kind", form) ?? base?.kind ?? "wecom_webhook";
  const editing = !!base;
  const hasSecret = base?.kind === "dingtalk_webhook" && base.config.hasSecret;
  const hasPassword = base?.kind === "smtp" && base.config.hasPassword;
  const removeSecret = Form.useWatch("removeSecret", form);
  const removePassword = Form.useWatch("removePassword", form);

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    if (!applyChannelErrors(form, error, t)) void message.error(actionErrorMessage(t, error));
  };
  const submit = (values: ChannelFormValues) => {
    const done = () => {
      void message.success(t("common.saved"));
      onClose();
    };
    if (base)
      update.mutate({ id: base.id, changes: channelUpdateBody(values, base.version) }, { onSuccess: done, onError });
    else create.mutate(channelCreateBody(values), { onSuccess: done, onError });
  };

  return (
    <>
      <FormModal<ChannelFormValues>
        name="channel-form"
        title={base ? t("channels.form.editTitle", { name: base.name }) : t("channels.form.createTitle")}
        form={form}
        initialValues={
          channel
            ? channelFormValues(channel)
            : { kind: "wecom_webhook", enabled: true, secure: false, port: 25, to: [] }
        }
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item
          label={t("channels.form.kind")}
          name="kind"
          rules={[requiredRule(t)]}
          extra={t(`channels.kindHints.${kind}`)}
        >
          <Select
            disabled={editing}
            options={ChannelKindSchema.options.map((k) => ({ value: k, label: t(`channels.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("channels.form.name")} name="name" rules={[requiredRule(t), limits.name.rule]}>
          <Input autoFocus count={limits.name.count} placeholder={t("channels.form.namePlaceholder")} />
        </Form.Item>
        <Form.Item label={t("channels.form.department")} name="departmentId" extra={t("channels.form.departmentHint")}>
          <DepartmentSelect departments={departments} allowClear placeholder={t("channels.allDepartments")} />
        </Form.Item>
        <Form.Item label={t("channels.form.enabled")} name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>

        {kind !== "smtp" && (
          <Form.Item
            label={t("channels.form.url")}
            name="url"
            rules={[
              ...(editing ? [] : [requiredRule(t)]),
              schemaRule(WebhookUrlSchema, t("channels.form.urlInvalid")),
              limits.url.rule,
            ]}
            extra={editing ? t("channels.form.urlKeep") : t(`channels.form.urlHint.${kind}`)}
          >
            <Input
              autoComplete="off"
              spellCheck={false}
              count={limits.url.count}
              placeholder={base && base.kind !== "smtp" ? base.config.url : undefined}
            />
          </Form.Item>
        )}
        {kind === "dingtalk_webhook" && (
          <>
            <Form.Item
              label={t("channels.form.secret")}
              name="secret"
              rules={[limits.secret.rule]}
              extra={hasSecret ? t("channels.form.secretKeep") : t("channels.form.secretHint")}
            >
              <Input.Password autoComplete="new-password" disabled={!!removeSecret} count={limits.secret.count} />
            </Form.Item>
            {hasSecret && (
              <Form.Item name="removeSecret" valuePropName="checked">
                <Checkbox>{t("channels.form.removeSecret")}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {kind === "smtp" && (
          <>
            <Form.Item
              label={t("channels.form.host")}
              name="host"
              rules={[requiredRule(t), schemaRule(MailHostSchema, t("channels.form.hostInvalid")), limits.host.rule]}
            >
              <Input
                autoComplete="off"
                spellCheck={false}
                count={limits.host.count}
                placeholder="mail.example.gov.cn"
              />
            </Form.Item>
            <Form.Item
              label={t("channels.form.port")}
              name="port"
              rules={[portRule(t)]}
              extra={t("channels.form.portHint")}
            >
              <InputNumber style={{ width: 140 }} precision={0} />
            </Form.Item>
            <Form.Item label={t("channels.form.secure")} name="secure" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item label={t("channels.form.user")} name="user" rules={[limits.email.rule]}>
              <Input autoComplete="off" count={limits.email.count} />
            </Form.Item>
            <Form.Item
              label={t("channels.form.password")}
              name="password"
              rules={[limits.secret.rule]}
              extra={hasPassword ? t("channels.form.passwordKeep") : undefined}
            >
              <Input.Password autoComplete="new-password" disabled={!!removePassword} count={limits.secret.count} />
            </Form.Item>
            {hasPassword && (
              <Form.Item name="removePassword" valuePropName="checked">
                <Checkbox>{t("channels.form.removePassword")}</Checkbox>
              </Form.Item>
            )}
            <Form.Item
              label={t("channels.form.from")}
              name="from"
              rules={[
                requiredRule(t),
                schemaRule(EmailAddressSchema, t("channels.form.emailInvalid")),
                limits.email.rule,
              ]}
            >
              <Input autoComplete="off" count={limits.email.count} placeholder="huiqian@example.gov.cn" />
            </Form.Item>
            <Form.Item
              label={t("channels.form.to")}
              name="to"
              rules={[recipientsRule(t)]}
              extra={t("channels.form.toHint")}
            >
              <Select mode="tags" open={false} tokenSeparators={[",", "，", ";", "；", " "]} suffixIcon={null} />
            </Form.Item>
          </>
        )}
      </FormModal>
      {conflictModal}
    </>
  );
}
