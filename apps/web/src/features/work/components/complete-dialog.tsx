import { UploadOutlined } from "@ant-design/icons";
import { EVIDENCE_MAX_MB_DEFAULT, EVIDENCE_TYPES, TEXT_MAX, verificationKindOf } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Upload } from "antd";
import type { Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors, type FormIssue } from "../../../lib/form-errors";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDate } from "../../../lib/format";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { completionQueries } from "../api/completion.queries";
import { useCompleteWork, useUploadEvidence } from "../api/use-completion";
import type { WorkRef } from "../api/use-update-work-status";
import { checkEvidenceFile, megabytes, type EvidenceRefusal } from "../lib/evidence-check";
import { EvidenceList } from "./evidence-list";

type Values = { completedOn: Dayjs; note: string };

type Props = {
  /** The record, at the version the user sees; `fromReview` for an item decided in a review. */
  work: WorkRef & { title: string; version: number; fromReview: boolean };
  onClose: () => void;
};

/** The form's own words for the server's refusals of the completion date. */
function completionIssueMessage(t: TFunction, issue: FormIssue): string | undefined {
  if (issue.field !== "completedOn") return undefined;
  if (issue.reason === "date_in_future") return t("completion.futureDate");
  if (issue.reason === "out_of_bounds" && issue.params?.minimum !== undefined)
    return t("completion.outOfWindow", {
      minimum: formatDate(String(issue.params.minimum)),
      maximum: formatDate(String(issue.params.maximum)),
    });
  return undefined;
}

/**
 * 完成: the day the work was finished (the picker offers the plan's first day to today, as the
 * server accepts), a note (with its counter), and evidence files chosen here — checked at once
 * for size and type (the server checks again) and uploaded before the completion is recorded.
 * When the record's kind needs the office's verification the dialog says so beforehand.
 */
export function CompleteDialog({ work, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const windows = useQuery(planWindowsQuery()).data;
  const evidence = useQuery(completionQueries.evidence(work));
  const rules = useQuery(completionQueries.rules()).data;
  const complete = useCompleteWork();
  const upload = useUploadEvidence();
  const [files, setFiles] = useState<File[]>([]);
  const [refusals, setRefusals] = useState<EvidenceRefusal[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const noteLimit = textLimit(t, TEXT_MAX.note);
  const maxBytes = evidence.data?.maxBytes ?? EVIDENCE_MAX_MB_DEFAULT * 1024 * 1024;
  const mb = megabytes(maxBytes);
  const kind = verificationKindOf(work.type, work.fromReview);
  const needsVerification = rules?.find((r) => r.kind === kind)?.requiresVerification;
  const saving = complete.isPending || upload.isPending;

  const choose = async (file: File) => {
    const refusal = await checkEvidenceFile(file, maxBytes);
    if (refusal) setRefusals((list) => [...list, refusal]);
    else setFiles((list) => [...list, file]);
  };

  const submit = async ({ completedOn, note }: Values) => {
    setFailure(null);
    // Evidence first: a refused file stops here, before the record is completed.
    for (const file of files) {
      try {
        await upload.mutateAsync({ ref: work, file });
        setFiles((list) => list.filter((f) => f !== file));
      } catch (error) {
        const issue = isApiError(error) ? error.details[0] : undefined;
        const reason =
          isApiError(error) && error.code === "EVIDENCE_TOO_LARGE"
            ? t("completion.tooLarge", { name: file.name, mb })
            : isApiError(error) && error.code === "EVIDENCE_TYPE_NOT_ALLOWED"
              ? t("completion.badType", { name: file.name })
              : t("completion.uploadFailed", {
                  name: file.name,
                  reason: issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error),
                });
        setFailure(reason);
        return;
      }
    }
    try {
      const done = await complete.mutateAsync({
        ref: work,
        completion: { completedOn: completedOn.format("YYYY-MM-DD"), note: note.trim(), version: work.version },
      });
      void message.success(t(done.status === "awaiting_verification" ? "completion.awaiting" : "completion.done"));
      onClose();
    } catch (error) {
      if (applyFieldErrors(form, error, t, (issue) => completionIssueMessage(t, issue))) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name={`complete-${work.type}-${work.id}`}
      title={t("completion.title", { kind: t(`completion.kinds.${work.type}`), title: work.title })}
      form={form}
      saving={saving}
      okText={t("completion.ok")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint-block">{t("completion.hint")}</p>
      {needsVerification && <Alert type="info" showIcon title={t("completion.verifyNeeded")} className="form-alert" />}
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item
        label={t("completion.completedOn")}
        name="completedOn"
        rules={[
          { required: true, message: t("completion.completedOnRequired") },
          dateBoundsRule(t, windows?.reportedOn),
        ]}
        extra={
          windows &&
          t("completion.completedOnWindow", {
            minimum: formatDate(windows.reportedOn.minimum),
            maximum: formatDate(windows.reportedOn.maximum),
          })
        }
      >
        <BoundedDatePicker allowClear={false} bounds={windows?.reportedOn} />
      </Form.Item>
      <Form.Item
        label={t("completion.note")}
        name="note"
        rules={[requiredRule(t, t("completion.noteRequired")), noteLimit.rule]}
      >
        <Input.TextArea rows={3} count={noteLimit.count} placeholder={t("completion.notePlaceholder")} />
      </Form.Item>
      <Form.Item label={t("completion.evidence")} extra={t("completion.evidenceHint", { mb })}>
        <Upload
          multiple
          accept={EVIDENCE_TYPES.join(",")}
          fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: "done" as const }))}
          beforeUpload={(file) => {
            void choose(file);
            return Upload.LIST_IGNORE;
          }}
          onRemove={(removed) => setFiles((list) => list.filter((f, i) => `${i}-${f.name}` !== removed.uid))}
        >
          <Button icon={<UploadOutlined />}>{t("completion.select")}</Button>
        </Upload>
        {refusals.length > 0 && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="form-alert"
            title={refusals.map((r) => (
              <div key={r.name}>{t(`completion.${r.reason}`, { name: r.name, mb })}</div>
            ))}
          />
        )}
      </Form.Item>
      {(evidence.data?.files.length ?? 0) > 0 && <EvidenceList work={work} canWithdraw />}
    </FormModal>
  );
}
