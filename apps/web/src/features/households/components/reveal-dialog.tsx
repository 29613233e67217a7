import { TEXT_MAX, type Household } from "@resettle/domain";
import { Alert, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { actionErrorMessage } from "../../../lib/error-message";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { useRevealIdNumber } from "../api/use-households";

/**
 * 查看完整身份证号 (administrators): asks the reason, which the audit trail keeps, then shows the
 * number once in this dialog; closing it forgets the number.
 */
export function RevealDialog({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealIdNumber();
  const [idNumber, setIdNumber] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const limit = textLimit(t, TEXT_MAX.note);

  if (idNumber)
    return (
      <Modal
        open
        title={t("households.revealTitle", { name: household.headName })}
        onCancel={onClose}
        onOk={onClose}
        cancelButtonProps={{ hidden: true }}
      >
        <Typography.Paragraph>{t("households.revealedHint")}</Typography.Paragraph>
        <Typography.Text strong copyable className="mono" aria-label={t("households.idNumber")}>
          {idNumber}
        </Typography.Text>
      </Modal>
    );
  return (
    <FormModal<{ reason: string }>
      name={`reveal-${household.id}`}
      title={t("households.revealTitle", { name: household.headName })}
      form={form}
      saving={reveal.isPending}
      okText={t("households.revealOk")}
      onSubmit={({ reason }) =>
        void reveal.mutateAsync({ id: household.id, reason: reason.trim() }).then(
          (r) => setIdNumber(r.idNumber),
          (error: unknown) => setFailure(actionErrorMessage(t, error)),
        )
      }
      onCancel={onClose}
    >
      <p className="form-hint-block">{t("households.revealHint")}</p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item label={t("households.revealReason")} name="reason" rules={[requiredRule(t), limit.rule]}>
        <Input.TextArea rows={2} count={limit.count} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
