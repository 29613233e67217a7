import { TEXT_MAX, type ReviewCreate } from "@resettle/domain";
import type { Dayjs } from "dayjs";

type ActionValues = {
  title?: string;
  departmentId?: string;
  personId?: string | null;
  dueDate?: Dayjs | null;
};

export type ReviewedProjectValues = {
  projectId: string;
  findings?: string;
  decisions?: string;
  actions?: ActionValues[];
};

/** The review form as antd holds it: dates as dayjs, fields possibly still empty. */
export type ReviewFormValues = {
  groupId?: string;
  heldOn?: Dayjs | null;
  attendeePersonIds?: string[];
  projects?: ReviewedProjectValues[];
};

/** The limits of ReviewCreateSchema, for the form's own checks. */
export const REVIEW_LIMITS = { text: TEXT_MAX.reviewText, actionTitle: TEXT_MAX.itemText, actions: 50 } as const;

const DAY = "YYYY-MM-DD";

/** The body the server takes, from values the form has already checked. */
export function toReviewCreate(values: ReviewFormValues): ReviewCreate {
  return {
    groupId: values.groupId ?? "",
    heldOn: values.heldOn?.format(DAY) ?? "",
    attendeePersonIds: values.attendeePersonIds ?? [],
    projects: (values.projects ?? []).map((p) => ({
      projectId: p.projectId,
      findings: (p.findings ?? "").trim(),
      decisions: (p.decisions ?? "").trim(),
      actions: (p.actions ?? []).map((a) => ({
        title: (a.title ?? "").trim(),
        departmentId: a.departmentId ?? "",
        personId: a.personId ?? null,
        dueDate: a.dueDate?.format(DAY) ?? "",
      })),
    })),
  };
}
