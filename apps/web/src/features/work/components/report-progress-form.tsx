import { TEXT_MAX } from "@resettle/domain";
import { App, Button, DatePicker, Form, Input, InputNumber, Switch } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { useReportProgress } from "../api/use-report-progress";
import { toReportBody, type ReportValues } from "../lib/report-values";

type Props = {
  projectId: string;
  /** Today in China: reports may not be dated after it. */
  today: string;
  /** Told once the report is saved (the hook has already refreshed what it moves). */
  onReported?: () => void;
};

/** 上报回迁户数: a new ledger entry; a correction (更正) reverses households and says why. */
export function ReportProgressForm({ projectId, today, onReported }: Props) {
  const { t } = useTranslation();
  const noteLimit = textLimit(t, TEXT_MAX.note);
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const report = useReportProgress(projectId);
  const correction = Form.useWatch("correction", form) ?? false;

  const submit = (values: ReportValues) =>
    report.mutate(toReportBody(values), {
      onSuccess: () => {
        void message.success(t(values.correction ? "progress.form.corrected" : "progress.form.reported"));
        form.resetFields();
        onReported?.();
      },
      onError: (error) => {
        const placed = applyFieldErrors(form, error, t, ({ field, reason }) => {
          if (reason === "out_of_bounds" && field === "households") return t("progress.form.outOfRange");
          if (reason === "date_in_future") return t("progress.form.futureDate");
          if (reason === "reason_required") return t("progress.form.reasonRequired");
          return undefined;
        });
        if (!placed) void message.error(actionErrorMessage(t, error));
      },
    });

  return (
    <Form<ReportValues>
      form={form}
      name={`report-progress-${projectId}`}
      layout="vertical"
      className="report-form no-print"
      aria-label={t("progress.form.title")}
      initialValues={{ reportedOn: dayjs(today), correction: false }}
      onFinish={submit}
    >
      <div className="report-form-row">
        <Form.Item
          label={t("progress.form.reportedOn")}
          name="reportedOn"
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") > today} />
        </Form.Item>
        <Form.Item
          label={correction ? t("progress.form.householdsCorrected") : t("progress.form.households")}
          name="households"
          rules={[{ required: true, message: t("progress.form.householdsRequired") }]}
        >
          <InputNumber min={1} max={100_000} precision={0} suffix={t("units.households") || undefined} />
        </Form.Item>
        <Form.Item label={t("progress.form.correction")} name="correction" valuePropName="checked">
          <Switch aria-describedby={`report-progress-${projectId}-correction-hint`} />
        </Form.Item>
      </div>
      <p id={`report-progress-${projectId}-correction-hint`} className="form-hint">
        {t("progress.form.correctionHint")}
      </p>
      {correction && (
        <Form.Item
          label={t("progress.form.reason")}
          name="reason"
          rules={[requiredRule(t, t("progress.form.reasonRequired")), noteLimit.rule]}
        >
          <Input.TextArea rows={2} count={noteLimit.count} placeholder={t("progress.form.reasonPlaceholder")} />
        </Form.Item>
      )}
      <Form.Item label={t("progress.form.note")} name="note" rules={[noteLimit.rule]}>
        <Input.TextArea rows={2} count={noteLimit.count} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={report.isPending}>
        {correction ? t("progress.form.submitCorrection") : t("progress.form.submit")}
      </Button>
    </Form>
  );
}
