import type { PlanWindows, ProgressReportKind } from "@resettle/domain";
import { App, Button, Form } from "antd";
import dayjs from "dayjs";
import type { TFunction } from "i18next";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors, type FormIssue } from "../../../lib/form-errors";
import { useReportProgress } from "../api/use-report-progress";
import { toReportBody, type ReportValues } from "../lib/report-values";
import { ReportProgressFields } from "./report-progress-fields";

export type ProjectFigures = { movedBack: number; totalHouseholds: number };

type Props = {
  projectId: string;
  project: ProjectFigures;
  /** The dates the server accepts (today in China, the plan's start). */
  windows: PlanWindows;
  /** Told once the report is saved (the hook has already refreshed what it moves). */
  onReported?: () => void;
};

/** The form's own words for the server's refusals of a report or a correction. */
export function reportIssueMessage(t: TFunction, issue: FormIssue): string | undefined {
  if (issue.reason === "out_of_bounds" && issue.field === "households")
    return issue.params?.maximum !== undefined
      ? t("progress.form.outOfRangeAtMost", { maximum: issue.params.maximum })
      : t("progress.form.outOfRange");
  if (issue.reason === "date_in_future") return t("progress.form.futureDate");
  return undefined;
}

/**
 * Sends one ledger entry at a time: a second submit while the first is in flight (a double
 * click lands before the button shows it is busy) is dropped, not sent.
 */
export function useSubmitOnce(projectId: string, kind: ProgressReportKind) {
  const report = useReportProgress(projectId);
  const inFlight = useRef(false);
  const submit = (values: ReportValues, handlers: { onSuccess: () => void; onError: (error: unknown) => void }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    report.mutate(toReportBody(kind, values), {
      ...handlers,
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };
  return { submit, isPending: report.isPending };
}

/** 上报回迁户数: a new ledger entry adding households moved back. A correction is its own action (更正). */
export function ReportProgressForm({ projectId, project, windows, onReported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const { submit, isPending } = useSubmitOnce(projectId, "report");
  const remaining = project.totalHouseholds - project.movedBack;

  const onFinish = (values: ReportValues) =>
    submit(values, {
      onSuccess: () => {
        void message.success(t("progress.form.reported"));
        form.resetFields();
        onReported?.();
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, t, (issue) => reportIssueMessage(t, issue)))
          void message.error(actionErrorMessage(t, error));
      },
    });

  return (
    <Form<ReportValues>
      form={form}
      name={`report-progress-${projectId}`}
      layout="vertical"
      className="report-form no-print"
      aria-label={t("progress.form.title")}
      initialValues={{ reportedOn: dayjs(windows.today) }}
      onFinish={onFinish}
    >
      <ReportProgressFields
        windows={windows}
        householdsLabel={t("progress.form.households")}
        maximum={remaining}
        tooMany={t("progress.form.tooMany", { maximum: remaining })}
      />
      <Button type="primary" htmlType="submit" loading={isPending} disabled={remaining === 0}>
        {t("progress.form.submit")}
      </Button>
    </Form>
  );
}
