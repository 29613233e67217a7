import { TEXT_MAX } from "@resettle/domain";
import { Alert, App, Button, Descriptions, Form, Input, Modal, Popconfirm } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { textLimit } from "../../../lib/form-rules";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { useVerifyWork } from "../api/use-completion";
import type { WorkRef } from "../api/use-update-work-status";
import { EvidenceList } from "./evidence-list";

export type VerifyTarget = WorkRef & {
  title: string;
  version: number;
  completedOn: string | null;
  note: string | null;
  by: string | null;
  departmentName?: string | null;
};

/**
 * 复核 by the office: the completion's day, note and evidence side by side; 复核通过 (asked
 * once more: it then counts as done) or 退回 with the reason the department will read.
 */
export function VerifyDialog({ work, onClose }: { work: VerifyTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const verify = useVerifyWork();
  const [form] = Form.useForm<{ note?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const limit = textLimit(t, TEXT_MAX.note);

  const decide = async (decision: "verify" | "return") => {
    setFailure(null);
    const note = (form.getFieldValue("note") as string | undefined)?.trim() || undefined;
    if (decision === "return" && !note) {
      form.setFields([{ name: "note", errors: [t("verification.returnRequired")] }]);
      return;
    }
    try {
      await form.validateFields();
      await verify.mutateAsync({ ref: work, verification: { decision, note, version: work.version } });
      void message.success(t(decision === "verify" ? "verification.verified" : "verification.returned"));
      onClose();
    } catch (error) {
      if (!isApiError(error)) return; // the form's own check said it
      const issue = error.details[0];
      if (issue?.path === "body.note") form.setFields([{ name: "note", errors: [fieldIssueMessage(t, issue)] }]);
      else setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <Modal
      open
      title={t("verification.title", { title: work.title })}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button key="return" danger loading={verify.isPending} onClick={() => void decide("return")}>
          {t("verification.return")}
        </Button>,
        <Popconfirm key="verify" title={t("verification.confirmVerify")} onConfirm={() => decide("verify")}>
          <Button type="primary" loading={verify.isPending}>
            {t("verification.verify")}
          </Button>
        </Popconfirm>,
      ]}
    >
      <p className="form-hint-block">{t("verification.hint")}</p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Descriptions size="small" column={1} bordered>
        {work.departmentName !== undefined && (
          <Descriptions.Item label={t("verification.department")}>{work.departmentName ?? NO_VALUE}</Descriptions.Item>
        )}
        <Descriptions.Item label={t("verification.completedOn")}>{formatDate(work.completedOn)}</Descriptions.Item>
        <Descriptions.Item label={t("verification.note")}>{work.note ?? NO_VALUE}</Descriptions.Item>
        <Descriptions.Item label={t("verification.by")}>{work.by ?? NO_VALUE}</Descriptions.Item>
      </Descriptions>
      <EvidenceList work={work} canWithdraw={false} />
      <Form form={form} name={`verify-${work.id}`} layout="vertical">
        <Form.Item label={t("verification.returnReason")} name="note" rules={[limit.rule]}>
          <Input.TextArea rows={3} count={limit.count} placeholder={t("verification.returnPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
