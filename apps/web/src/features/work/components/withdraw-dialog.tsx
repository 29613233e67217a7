import { WITHDRAW_REASON_MAX } from "@resettle/domain";
import { Alert, App, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";

type Values = { reason: string };

type Props = {
  /** What is withdrawn, in words: 推进节点, 整改事项, 研判会记录. */
  kind: "milestone" | "item" | "review";
  /** The record's name, so the dialog says which one. */
  name: string;
  pending: boolean;
  /** Sends the withdrawal; rejects with the server's refusal. */
  withdraw: (reason: string) => Promise<unknown>;
  onClose: () => void;
};

/**
 * 撤销: asks why before a record made by mistake is withdrawn. The reason is required and
 * limited (a counter shows it; a longer one is refused, never cut); the server's refusal
 * (something depends on the record) is said in the dialog, in words.
 */
export function WithdrawDialog({ kind, name, pending, withdraw, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = ({ reason }: Values) =>
    withdraw(reason.trim()).then(
      () => {
        void message.success(t("withdraw.done"));
        onClose();
      },
      (error: unknown) => {
        if (applyFieldErrors(form, error, t)) return;
        const issue = isApiError(error) ? error.details[0] : undefined;
        setRefusal(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
      },
    );

  return (
    <FormModal<Values>
      name={`withdraw-${kind}`}
      title={t("withdraw.title", { kind: t(`withdraw.kinds.${kind}`), name })}
      form={form}
      saving={pending}
      okText={t("withdraw.ok")}
      onSubmit={submit}
      onCancel={onClose}
    >
      <p className="form-hint-block">{t("withdraw.hint")}</p>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} className="form-alert" />}
      <Form.Item
        label={t("withdraw.reason")}
        name="reason"
        rules={[requiredRule(t, t("withdraw.reasonRequired")), textLimit(t, WITHDRAW_REASON_MAX).rule]}
      >
        <Input.TextArea
          autoFocus
          rows={4}
          count={textLimit(t, WITHDRAW_REASON_MAX).count}
          placeholder={t("withdraw.placeholder")}
        />
      </Form.Item>
    </FormModal>
  );
}
