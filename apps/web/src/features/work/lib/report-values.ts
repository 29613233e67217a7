import type { ProgressReportCreate } from "@resettle/domain";
import type { Dayjs } from "dayjs";

export type ReportValues = {
  reportedOn: Dayjs;
  households: number;
  correction: boolean;
  note?: string;
  reason?: string;
};

/** The form as the API wants it: a correction is the same count, negative, with its reason. */
export function toReportBody(values: ReportValues): ProgressReportCreate {
  const note = values.note?.trim();
  const reason = values.reason?.trim();
  return {
    reportedOn: values.reportedOn.format("YYYY-MM-DD"),
    households: values.correction ? -Math.abs(values.households) : Math.abs(values.households),
    note: note || null,
    ...(values.correction && reason ? { reason } : {}),
  };
}
