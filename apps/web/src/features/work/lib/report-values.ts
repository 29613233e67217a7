import type { ProgressReportCreate, ProgressReportKind } from "@resettle/domain";
import type { Rule } from "antd/es/form";
import type { Dayjs } from "dayjs";
import type { TFunction } from "i18next";

export type ReportValues = {
  reportedOn: Dayjs;
  /** As typed: the form refuses anything but a whole number from 1 to the project's limit. */
  households: number | null;
  note?: string;
  reason?: string;
};

/** The form as the API wants it: the count as typed, the kind saying whether it adds or takes back. */
export function toReportBody(kind: ProgressReportKind, values: ReportValues): ProgressReportCreate {
  const note = values.note?.trim();
  const reason = values.reason?.trim();
  return {
    kind,
    reportedOn: values.reportedOn.format("YYYY-MM-DD"),
    households: values.households ?? 0,
    note: note || null,
    ...(reason ? { reason } : {}),
  };
}

/**
 * A count of households, judged as typed: never clamped to the limits nor rounded (−5, 0
 * and 3.5 are refused with the reason, not sent as 1 or 4). `maximum` is what the project can take.
 */
export function householdsRule(t: TFunction, maximum: number, tooMany: string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === "") throw new Error(t("progress.form.householdsRequired"));
      if (typeof value !== "number" || !Number.isInteger(value)) throw new Error(t("progress.form.householdsWhole"));
      if (value < 1) throw new Error(t("progress.form.householdsPositive"));
      if (value > maximum) throw new Error(tooMany);
    },
  };
}
