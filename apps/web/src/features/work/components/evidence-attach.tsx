import { UploadOutlined } from "@ant-design/icons";
import { EVIDENCE_MAX_MB_DEFAULT, EVIDENCE_TYPES } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { completionQueries } from "../api/completion.queries";
import { useUploadEvidence } from "../api/use-completion";
import type { WorkRef } from "../api/use-update-work-status";
import { checkEvidenceFile, megabytes } from "../lib/evidence-check";

/**
 * 上传证明材料 outside a completion: for the lead and the departments cooperating (配合单位),
 * while the record is open. Each file is checked at once for size and type (the server checks
 * again) and sent as soon as it is chosen, one at a time.
 */
export function EvidenceAttach({ work }: { work: WorkRef }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const evidence = useQuery(completionQueries.evidence(work));
  const upload = useUploadEvidence();
  const [failure, setFailure] = useState<string | null>(null);
  const maxBytes = evidence.data?.maxBytes ?? EVIDENCE_MAX_MB_DEFAULT * 1024 * 1024;
  const mb = megabytes(maxBytes);

  const send = async (file: File) => {
    setFailure(null);
    const refusal = await checkEvidenceFile(file, maxBytes);
    if (refusal) return setFailure(t(`completion.${refusal.reason}`, { name: file.name, mb }));
    try {
      await upload.mutateAsync({ ref: work, file });
      void message.success(t("evidence.attached", { name: file.name }));
    } catch (error) {
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(
        isApiError(error) && error.code === "EVIDENCE_TOO_LARGE"
          ? t("completion.tooLarge", { name: file.name, mb })
          : isApiError(error) && error.code === "EVIDENCE_TYPE_NOT_ALLOWED"
            ? t("completion.badType", { name: file.name })
            : t("completion.uploadFailed", {
                name: file.name,
                reason: issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error),
              }),
      );
    }
  };

  return (
    <div className="evidence-attach">
      <Upload
        accept={EVIDENCE_TYPES.join(",")}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
          {t("evidence.attach")}
        </Button>
      </Upload>
      <div className="form-hint-block">{t("completion.evidenceHint", { mb })}</div>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
    </div>
  );
}
