import { InboxOutlined } from "@ant-design/icons";
import type { FieldIssue } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Modal, Progress, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isApiError } from "../../../lib/api-error";
import { apiUpload, apiUploadForFile, buildApiUrl, saveFile } from "../../../lib/api-client";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { invalidateAfterWorkChange } from "../../work";
import { householdsQueries } from "../api/households.queries";

const ImportedSchema = z.object({ created: z.number().int() });
type RowIssue = FieldIssue & { row?: number; column?: string };

/**
 * 导入回迁户: the template to fill, one .xlsx chosen or dropped, imported whole or not at all. A
 * refused file lists every bad row (row, column, why) and can come back annotated as a workbook.
 */
export function ImportHouseholdsDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<RowIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const path = `/projects/${encodeURIComponent(projectId)}/households/import`;
  const run = useMutation({
    mutationFn: (chosen: File) => apiUpload(path, chosen, ImportedSchema),
    onSuccess: ({ created }) => {
      void message.success(t("households.import.done", { count: created }));
      void queryClient.invalidateQueries({ queryKey: householdsQueries.all() });
      void invalidateAfterWorkChange(queryClient);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === "IMPORT_REFUSED") setIssues(error.details as RowIssue[]);
      else setFailure(actionErrorMessage(t, error));
    },
  });
  const annotated = useMutation({
    mutationFn: (chosen: File) => apiUploadForFile(`${path}/annotated`, chosen),
    onSuccess: (blob) => saveFile(blob, t("households.import.annotatedName")),
    onError: (error) => setFailure(actionErrorMessage(t, error)),
  });

  const choose = (chosen: File) => {
    setFile(chosen);
    setIssues([]);
    setFailure(null);
    return false;
  };

  return (
    <Modal
      open
      width={760}
      title={t("households.import.title")}
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
          {t("households.import.ok")}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t("households.import.hint")}{" "}
        <a href={buildApiUrl("/households/import-template")} download>
          {t("households.import.template")}
        </a>
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        beforeUpload={choose}
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
          <Progress percent={100} status="active" showInfo={false} />
          {t("households.import.running")}
        </div>
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      {issues.length > 0 && (
        <Space direction="vertical" className="full-width form-alert">
          <Alert type="error" showIcon role="alert" title={t("households.import.refused", { count: issues.length })} />
          <Button onClick={() => file && annotated.mutate(file)} loading={annotated.isPending}>
            {t("households.import.annotated")}
          </Button>
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
