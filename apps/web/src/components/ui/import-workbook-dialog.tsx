import { InboxOutlined } from "@ant-design/icons";
import type { FieldIssue } from "@resettle/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { apiUpload, apiUploadForFile, buildApiUrl, saveFile } from "../../lib/api-client";
import { isApiError } from "../../lib/api-error";
import { actionErrorMessage } from "../../lib/error-message";
import { fieldIssueMessage } from "../../lib/field-issue-message";

type RowIssue = FieldIssue & { row?: number; column?: string };

type Props<S extends z.ZodType> = {
  title: ReactNode;
  hint: ReactNode;
  /** The template's address under /api, offered as a download beside the hint. */
  templatePath: string;
  templateLabel: ReactNode;
  /** Where the chosen .xlsx goes (multipart, field `file`). */
  uploadPath: string;
  /** Where the same file comes back marked with its problems, when the import offers that. */
  annotated?: { path: string; fileName: string; label: ReactNode };
  result: S;
  okText: ReactNode;
  onDone: (result: z.infer<S>) => void;
  onClose: () => void;
};

/**
 * An Excel import (导入): the template to fill, one .xlsx chosen or dropped, imported whole or not
 * at all. A refused file lists every bad row (row, column, why), worded by reason in the
 * interface's language, and may come back annotated as a workbook.
 */
export function ImportWorkbookDialog<S extends z.ZodType>(props: Props<S>) {
  const { title, hint, templatePath, templateLabel, uploadPath, annotated, result, okText, onDone, onClose } = props;
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<RowIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // How much of the file has gone out (0 to 1); once all of it, the server checks and writes.
  const [sent, setSent] = useState(0);
  const run = useMutation({
    mutationFn: (chosen: File) => {
      setSent(0);
      return apiUpload(uploadPath, chosen, result, setSent);
    },
    onSuccess: (answer) => {
      onDone(answer);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === "IMPORT_REFUSED") setIssues(error.details as RowIssue[]);
      // A file that is not an .xlsx (an .xls, a .csv, anything renamed): say what to do with it.
      else if (isApiError(error) && error.code === "UNSUPPORTED_MEDIA_TYPE") setFailure(t("households.import.notXlsx"));
      else setFailure(actionErrorMessage(t, error));
    },
  });
  const marked = useMutation({
    mutationFn: (chosen: File) => apiUploadForFile(annotated!.path, chosen),
    onSuccess: (blob) => saveFile(blob, annotated!.fileName),
    onError: (error) => setFailure(actionErrorMessage(t, error)),
  });

  return (
    <Modal
      open
      width={760}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="import"
          type="primary"
          disabled={!file || issues.length > 0}
          loading={run.isPending}
          onClick={() => file && run.mutate(file)}
        >
          {okText}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {hint}{" "}
        <a href={buildApiUrl(templatePath)} download>
          {templateLabel}
        </a>
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setIssues([]);
          setFailure(null);
          return false;
        }}
        fileList={file ? [{ uid: "file", name: file.name, status: "done" }] : []}
        onRemove={() => {
          setFile(null);
          setIssues([]);
        }}
        disabled={run.isPending}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t("households.import.drop")}</p>
      </Upload.Dragger>
      {run.isPending && (
        <div role="status" className="form-alert">
          {sent < 1 ? (
            <>
              <Progress
                percent={Math.floor(sent * 100)}
                status="active"
                aria-label={t("households.import.uploading")}
              />
              {t("households.import.uploadingPercent", { percent: Math.floor(sent * 100) })}
            </>
          ) : (
            <>
              <Progress percent={100} status="active" showInfo={false} aria-label={t("households.import.running")} />
              {t("households.import.running")}
            </>
          )}
        </div>
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      {issues.length > 0 && (
        <Space direction="vertical" className="full-width form-alert">
          <Alert type="error" showIcon role="alert" title={t("households.import.refused", { count: issues.length })} />
          {annotated && (
            <Button onClick={() => file && marked.mutate(file)} loading={marked.isPending}>
              {annotated.label}
            </Button>
          )}
          <Table<RowIssue>
            size="small"
            rowKey={(issue, i) => `${issue.row ?? "-"}-${issue.column ?? "-"}-${i}`}
            aria-label={t("households.import.issuesLabel")}
            dataSource={issues}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { key: "row", title: t("households.import.row"), width: 70, render: (_, i) => i.row ?? "—" },
              { key: "column", title: t("households.import.column"), width: 140, render: (_, i) => i.column ?? "—" },
              { key: "message", title: t("households.import.problem"), render: (_, i) => fieldIssueMessage(t, i) },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
