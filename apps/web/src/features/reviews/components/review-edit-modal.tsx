import { ReviewSchema, sameMembers, type Review, type ReviewUpdate, type WorkingGroup } from "@resettle/domain";
import { Alert, App, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { conflictCurrent } from "../../../lib/form-errors";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { untilToday } from "../../../lib/plan-windows";
import { useUpdateReview } from "../api/use-record-review";
import { applyNestedFieldErrors } from "../lib/nested-field-errors";
import { reviewIssueMessage } from "../lib/review-issue-message";
import { REVIEW_LIMITS } from "../lib/review-form";
import { AttendeePicker } from "./attendee-picker";
import "../reviews.css";

type Values = {
  heldOn: Dayjs;
  /** Absent when the group (and so the choice of attendees) could not be loaded. */
  attendeePersonIds?: string[];
  projects: { projectId: string; findings: string; decisions: string }[];
};

type Props = {
  review: Review;
  /** The review's group, for the attendee choices; without it the attendees are left as they are. */
  group: WorkingGroup | undefined;
  onClose: () => void;
};

const toValues = (review: Review): Values => ({
  heldOn: dayjs(review.heldOn),
  attendeePersonIds: review.attendees.map((a) => a.id),
  projects: review.projects.map((p) => ({ projectId: p.project.id, findings: p.findings, decisions: p.decisions })),
});

/** Only what changed, with the version the edit is based on; the projects go whole when any changed. */
function reviewChanges(review: Review, values: Values): ReviewUpdate {
  const changes: ReviewUpdate = { version: review.version };
  const heldOn = values.heldOn.format("YYYY-MM-DD");
  if (heldOn !== review.heldOn) changes.heldOn = heldOn;
  const before = toValues(review);
  const attendees = values.attendeePersonIds;
  if (attendees && !sameMembers(attendees, before.attendeePersonIds ?? [])) changes.attendeePersonIds = attendees;
  const projects = values.projects.map((p) => ({ ...p, findings: p.findings.trim(), decisions: p.decisions.trim() }));
  const changed = projects.some(
    (p, i) => p.findings !== before.projects[i]?.findings || p.decisions !== before.projects[i]?.decisions,
  );
  if (changed) changes.projects = projects;
  return changes;
}

/**
 * 编辑研判记录 before it is locked: date, attendees, findings and decisions. Follow-up actions
 * are rectification items by now and are edited there. Signatures given are withdrawn on save.
 */
export function ReviewEditModal({ review, group, onClose }: Props) {
  const { t } = useTranslation();
  const heldOnBounds = untilToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateReview(review.id);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.isConflict) {
      // Locked meanwhile, or changed by someone else: the hook reloads the record either way.
      const current = conflictCurrent(error, ReviewSchema);
      const text = !current ? "errors.conflictReloaded" : current.locked ? "reviews.edit.locked" : "reviews.edit.stale";
      void message.warning(t(text));
      onClose();
      return;
    }
    const { placed, unplaced } = applyNestedFieldErrors(
      form,
      error,
      t,
      (name, issue) => reviewIssueMessage(t, name, issue),
      (name) => name.at(-1) === "projectId",
    );
    if (unplaced.length > 0) void message.error(unplaced.join(t("common.listSeparator")));
    else if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const submit = (values: Values) => {
    const changes = reviewChanges(review, values);
    if (Object.keys(changes).length === 1) {
      void message.info(t("reviews.edit.unchanged"));
      onClose();
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        void message.success(t("reviews.edit.saved"));
        onClose();
      },
      onError,
    });
  };

  const textLength = textLimit(t, REVIEW_LIMITS.text);
  const textRules = [requiredRule(t), textLength.rule];
  return (
    <FormModal<Values>
      name="review-edit"
      title={t("reviews.edit.title")}
      form={form}
      initialValues={toValues(review)}
      saving={update.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      {review.signatures.length > 0 && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t("reviews.edit.signaturesWithdrawn", { count: review.signatures.length })}
        />
      )}
      <Form.Item
        label={t("reviews.form.heldOn")}
        name="heldOn"
        rules={[{ required: true, message: t("reviews.form.heldOnRequired") }, dateBoundsRule(t, heldOnBounds)]}
      >
        <BoundedDatePicker bounds={heldOnBounds} />
      </Form.Item>
      {group && (
        <Form.Item
          label={t("reviews.form.attendees")}
          name="attendeePersonIds"
          rules={[{ required: true, type: "array", min: 1, message: t("reviews.form.attendeesRequired") }]}
        >
          <AttendeePicker group={group} aria-label={t("reviews.form.attendees")} />
        </Form.Item>
      )}
      {review.projects.map((p, i) => (
        <fieldset key={p.project.id} className="review-edit-project">
          <legend>{p.project.name}</legend>
          <Form.Item name={["projects", i, "projectId"]} hidden>
            <Input />
          </Form.Item>
          <Form.Item label={t("reviews.form.findings")} name={["projects", i, "findings"]} rules={textRules}>
            <Input.TextArea
              rows={3}
              count={textLength.count}
              aria-label={`${p.project.name} ${t("reviews.form.findings")}`}
            />
          </Form.Item>
          <Form.Item label={t("reviews.form.decisions")} name={["projects", i, "decisions"]} rules={textRules}>
            <Input.TextArea
              rows={3}
              count={textLength.count}
              aria-label={`${p.project.name} ${t("reviews.form.decisions")}`}
            />
          </Form.Item>
        </fieldset>
      ))}
    </FormModal>
  );
}
