import { isClosedYear, TEXT_MAX, type PlanWindows } from "@resettle/domain";
import { Form, Input, InputNumber } from "antd";
import type { Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { formatDate } from "../../../lib/format";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { householdsRule, type ReportValues } from "../lib/report-values";

type Props = {
  windows: PlanWindows;
  householdsLabel: string;
  /** What the project can take: the households still to move back, or those moved back. */
  maximum: number;
  tooMany: string;
  /** Always asked (a correction), or only for a date in a closed year (补报). */
  reasonAlways?: { label: string; placeholder: string; required: string };
};

/**
 * The fields a report and a correction share: the date within the plan's window (the picker
 * disables the rest and says why), the count as typed, a reason when it is needed, a note.
 */
export function ReportProgressFields({ windows, householdsLabel, maximum, tooMany, reasonAlways }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ReportValues>();
  const noteLimit = textLimit(t, TEXT_MAX.note);
  const reportedOn = Form.useWatch<Dayjs | undefined>("reportedOn", form);
  const day = reportedOn?.format("YYYY-MM-DD");
  const backdated = !!day && isClosedYear(day, windows.today);
  const { minimum, maximum: lastDay } = windows.reportedOn;
  let reason: ReactNode = null;
  if (reasonAlways || backdated)
    reason = (
      <Form.Item
        label={reasonAlways?.label ?? t("progress.form.backdatedReason")}
        name="reason"
        extra={backdated ? t("progress.form.backdatedHint", { year: day!.slice(0, 4) }) : undefined}
        rules={[requiredRule(t, reasonAlways?.required ?? t("progress.form.backdatedReasonRequired")), noteLimit.rule]}
      >
        <Input.TextArea
          rows={2}
          count={noteLimit.count}
          placeholder={reasonAlways?.placeholder ?? t("progress.form.backdatedPlaceholder")}
        />
      </Form.Item>
    );

  return (
    <>
      <div className="report-form-row">
        <Form.Item
          label={t("progress.form.reportedOn")}
          name="reportedOn"
          extra={t("progress.form.dateWindow", { minimum: formatDate(minimum), maximum: formatDate(lastDay) })}
          rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, windows.reportedOn)]}
        >
          <BoundedDatePicker allowClear={false} bounds={windows.reportedOn} />
        </Form.Item>
        <Form.Item
          label={householdsLabel}
          name="households"
          validateFirst
          rules={[householdsRule(t, maximum, tooMany)]}
          extra={t("progress.form.householdsLimit", { maximum })}
        >
          {/* No min, max or precision: antd would clamp −5 to 1 and round 3.5 to 4 on blur. */}
          <InputNumber suffix={t("units.households") || undefined} />
        </Form.Item>
      </div>
      {reason}
      <Form.Item label={t("progress.form.note")} name="note" rules={[noteLimit.rule]}>
        <Input.TextArea rows={2} count={noteLimit.count} />
      </Form.Item>
    </>
  );
}
