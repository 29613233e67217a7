import { PaperClipOutlined } from "@ant-design/icons";
import { TEXT_MAX } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Form, Input, List, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { buildApiUrl } from "../../../lib/api-client";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDateTime } from "../../../lib/format";
import { completionQueries } from "../api/completion.queries";
import { useWithdrawEvidence } from "../api/use-completion";
import type { WorkRef } from "../api/use-update-work-status";
import { megabytes } from "../lib/evidence-check";

type Props = { work: WorkRef; canWithdraw: boolean };

/**
 * 证明材料 of a record: each file a download link under its own name (for every reader); those
 * who may complete the record withdraw one attached by mistake, with a reason (asked in a
 * dialog: the confirmation). Withdrawn files stay listed, struck through.
 */
export function EvidenceList({ work, canWithdraw }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery(completionQueries.evidence(work));
  const withdraw = useWithdrawEvidence(work);
  const [withdrawing, setWithdrawing] = useState<{ id: string; fileName: string } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const limit = textLimit(t, TEXT_MAX.note);
  const files = query.data?.files ?? [];

  return (
    <div className="evidence-list">
      <Typography.Text strong>{t("evidence.title")}</Typography.Text>
      <List
        size="small"
        loading={query.isPending}
        locale={{ emptyText: t("evidence.empty") }}
        dataSource={files}
        renderItem={(file) => (
          <List.Item
            actions={
              canWithdraw && !file.withdrawn
                ? [
                    <Button key="withdraw" size="small" type="link" danger onClick={() => setWithdrawing(file)}>
                      {t("evidence.withdraw")}
                    </Button>,
                  ]
                : []
            }
          >
            <span className={file.withdrawn ? "withdrawn" : undefined}>
              <PaperClipOutlined aria-hidden />{" "}
              <a href={buildApiUrl(`/evidence/${file.id}`)} download={file.fileName}>
                {file.fileName}
              </a>{" "}
              <Typography.Text type="secondary">
                {megabytes(file.sizeBytes)} MB ·{" "}
                {t("evidence.uploaded", { by: file.uploadedBy ?? "—", at: formatDateTime(file.uploadedAt) })}
              </Typography.Text>
              {file.withdrawn && (
                <Typography.Text type="secondary">
                  {" "}
                  · {t("evidence.withdrawn", { reason: file.withdrawn.reason })}
                </Typography.Text>
              )}
            </span>
          </List.Item>
        )}
      />
      {withdrawing && (
        <FormModal<{ reason: string }>
          name={`withdraw-evidence-${withdrawing.id}`}
          title={t("evidence.withdrawTitle", { name: withdrawing.fileName })}
          form={form}
          saving={withdraw.isPending}
          okText={t("evidence.withdrawOk")}
          onSubmit={({ reason }) =>
            withdraw.mutateAsync({ id: withdrawing.id, withdrawal: { reason: reason.trim() } }).then(
              () => {
                void message.success(t("evidence.withdrawDone"));
                setWithdrawing(null);
              },
              (error: unknown) => {
                if (!applyFieldErrors(form, error, t)) void message.error(actionErrorMessage(t, error));
              },
            )
          }
          onCancel={() => setWithdrawing(null)}
        >
          <p className="form-hint-block">{t("evidence.withdrawHint")}</p>
          <Form.Item
            label={t("evidence.reason")}
            name="reason"
            rules={[requiredRule(t, t("evidence.reasonRequired")), limit.rule]}
          >
            <Input.TextArea autoFocus rows={3} count={limit.count} />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
