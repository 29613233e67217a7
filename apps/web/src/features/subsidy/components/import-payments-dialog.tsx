import { InboxOutlined } from "@ant-design/icons";
import { fenToYuan, SubsidyImportResultSchema, type FieldIssue } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Modal, Progress, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiUpload, buildApiUrl } from "../../../lib/api-client";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { invalidateAfterWorkChange } from "../../work";
import { subsidyQueries } from "../api/subsidy.queries";

type RowIssue = FieldIssue & { row?: number; column?: string };

/**
 * 导入发放记录: the finance office's list of a month's payments, one .xlsx, imported whole or
 * not at all; a refused file lists every bad row (row, column, why).
 */
export function ImportPaymentsDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<RowIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (chosen: File) =>
      apiUpload(
        `/projects/${encodeURIComponent(projectId)}/subsidy/payments/import`,
        chosen,
        SubsidyImportResultSchema,
      ),
    onSuccess: ({ created, amountFen }) => {
      void message.success(t("subsidy.import.done", { count: created, amount: fenToYuan(amountFen) }));
      void queryClient.invalidateQueries({ queryKey: subsidyQueries.all() });
      void invalidateAfterWorkChange(queryClient);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === "IMPORT_REFUSED") setIssues(error.details as RowIssue[]);
      else setFailure(actionErrorMessage(t, error));
    },
  });

  return (
    <Modal
      open
      width={760}
      title={t("subsidy.import.title")}
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
          {t("subsidy.import.ok")}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t("subsidy.import.hint")}{" "}
        <a href={buildApiUrl("/subsidy/payments-import-template")} download>
          {t("subsidy.import.template")}
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
          <Progress percent={100} status="active" showInfo={false} />
          {t("households.import.running")}
        </div>
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      {issues.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            className="form-alert"
            title={t("households.import.refused", { count: issues.length })}
          />
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
        </>
      )}
    </Modal>
  );
}
