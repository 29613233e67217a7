import { isHigherLevel, NoticeLevelSchema, TEXT_MAX, type Notice, type NoticeLevel } from "@resettle/domain";
import { Alert, App, Form, Input, Radio, Select, type FormInstance } from "antd";
import type { Rule } from "antd/es/form";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import type { DateBounds } from "../../../lib/plan-windows";
import {
  useDecideExtension,
  useEscalateNotice,
  useReplyToNotice,
  useRequestExtension,
  useReviewNotice,
} from "../api/use-notices";
import { noticeDueDay } from "../lib/notice-actions";
import { stepFailure } from "./step-failure";

type DialogProps = { notice: Notice; onClose: () => void };

/** The longest a reply may be given for, from today (the server's NOTICE_MAX_DAYS). */
export const noticeDayBounds = (minimum?: string): DateBounds => {
  const today = dayjs().format("YYYY-MM-DD");
  return {
    minimum: minimum && minimum > today ? minimum : today,
    maximum: dayjs().add(366, "day").format("YYYY-MM-DD"),
  };
};

/** Required when the yes/no field beside it says no (退回, 不同意延期), read as the form is checked. */
const requiredWhen = (form: FormInstance, field: string, message: string): Rule => ({
  validator: async (_, value: string | undefined) => {
    if (form.getFieldValue(field) === false && !value?.trim()) throw new Error(message);
  },
});

function FailureAlert({ failure }: { failure: string | null }) {
  return failure ? <Alert type="error" showIcon role="alert" title={failure} className="form-alert" /> : null;
}

/** Runs a step and closes on success; a refusal shows in the dialog (and on its fields). */
function useStepSubmit<V extends object>(done: string, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (send: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await send();
      void message.success(done);
      onClose();
    } catch (error) {
      setFailure(stepFailure(t, error, form));
    }
  };
  return { form, failure, run };
}

/** 反馈: the measures taken and their effect. */
export function ReplyDialog({ notice, onClose }: DialogProps) {
  const { t } = useTranslation();
  const reply = useReplyToNotice();
  const { form, failure, run } = useStepSubmit<{ measures: string }>(t("notices.replied"), onClose);
  const measures = textLimit(t, TEXT_MAX.description);
  return (
    <FormModal<{ measures: string }>
      name={`notice-reply-${notice.id}`}
      title={t("notices.replyTitle", { number: notice.number })}
      form={form}
      saving={reply.isPending}
      okText={t("notices.actions.reply")}
      onSubmit={(values) =>
        void run(() => reply.mutateAsync({ id: notice.id, body: { measures: values.measures.trim() } }))
      }
      onCancel={onClose}
    >
      <p className="form-hint-block notice-requirement">{notice.requirement}</p>
      {notice.status === "returned" && notice.reviewComment && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t("notices.returnedBecause")}
          description={notice.reviewComment}
        />
      )}
      <FailureAlert failure={failure} />
      <Form.Item label={t("notices.measures")} name="measures" rules={[requiredRule(t), measures.rule]}>
        <Input.TextArea rows={6} count={measures.count} />
      </Form.Item>
    </FormModal>
  );
}

type ExtensionValues = { until: Dayjs; reason: string };

/** 申请延期: a day after the one due now, with the reason. */
export function ExtensionDialog({ notice, onClose }: DialogProps) {
  const { t } = useTranslation();
  const extension = useRequestExtension();
  const { form, failure, run } = useStepSubmit<ExtensionValues>(t("notices.extensionAsked"), onClose);
  const reason = textLimit(t, TEXT_MAX.note);
  const due = noticeDueDay(notice);
  const bounds = noticeDayBounds(dayjs(due).add(1, "day").format("YYYY-MM-DD"));
  return (
    <FormModal<ExtensionValues>
      name={`notice-extension-${notice.id}`}
      title={t("notices.extensionTitle", { number: notice.number })}
      form={form}
      saving={extension.isPending}
      okText={t("notices.actions.extension")}
      onSubmit={(values) =>
        void run(() =>
          extension.mutateAsync({
            id: notice.id,
            body: { until: values.until.format("YYYY-MM-DD"), reason: values.reason.trim() },
          }),
        )
      }
      onCancel={onClose}
    >
      <p className="form-hint-block">{t("notices.dueNow", { date: due })}</p>
      <FailureAlert failure={failure} />
      <Form.Item
        label={t("notices.extensionUntil")}
        name="until"
        rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, bounds)]}
      >
        <BoundedDatePicker bounds={bounds} />
      </Form.Item>
      <Form.Item label={t("notices.extensionReason")} name="reason" rules={[requiredRule(t), reason.rule]}>
        <Input.TextArea rows={3} count={reason.count} />
      </Form.Item>
    </FormModal>
  );
}

type ReviewValues = { accepted: boolean; comment?: string };

/** 复核: 通过销号 closes the notice; 退回 sends it back to be answered again, saying why. */
export function ReviewDialog({ notice, onClose }: DialogProps) {
  const { t } = useTranslation();
  const review = useReviewNotice();
  const { form, failure, run } = useStepSubmit<ReviewValues>(t("notices.reviewed"), onClose);
  const comment = textLimit(t, TEXT_MAX.note);
  return (
    <FormModal<ReviewValues>
      name={`notice-review-${notice.id}`}
      title={t("notices.reviewTitle", { number: notice.number })}
      form={form}
      initialValues={{ accepted: true }}
      saving={review.isPending}
      okText={t("notices.actions.review")}
      onSubmit={(values) =>
        void run(() =>
          review.mutateAsync({
            id: notice.id,
            body: {
              accepted: values.accepted,
              ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
            },
          }),
        )
      }
      onCancel={onClose}
    >
      <p className="form-hint-block notice-requirement">{notice.measures}</p>
      <FailureAlert failure={failure} />
      <Form.Item label={t("notices.reviewResult")} name="accepted">
        <Radio.Group
          options={[
            { value: true, label: t("notices.accept") },
            { value: false, label: t("notices.return") },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t("notices.reviewComment")}
        name="comment"
        dependencies={["accepted"]}
        rules={[requiredWhen(form, "accepted", t("notices.returnNeedsComment")), comment.rule]}
      >
        <Input.TextArea rows={3} count={comment.count} />
      </Form.Item>
    </FormModal>
  );
}

type DecisionValues = { approved: boolean; reason?: string };

/** 延期审批: approved, the reply is due on the day asked; refused needs the reason. */
export function ExtensionDecisionDialog({ notice, onClose }: DialogProps) {
  const { t } = useTranslation();
  const decide = useDecideExtension();
  const { form, failure, run } = useStepSubmit<DecisionValues>(t("notices.extensionDecided"), onClose);
  const reason = textLimit(t, TEXT_MAX.note);
  return (
    <FormModal<DecisionValues>
      name={`notice-decision-${notice.id}`}
      title={t("notices.decisionTitle", { number: notice.number })}
      form={form}
      initialValues={{ approved: true }}
      saving={decide.isPending}
      okText={t("notices.actions.extension_decision")}
      onSubmit={(values) =>
        void run(() =>
          decide.mutateAsync({
            id: notice.id,
            body: {
              approved: values.approved,
              ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
            },
          }),
        )
      }
      onCancel={onClose}
    >
      {notice.extension && (
        <p className="form-hint-block">
          {t("notices.extensionAskedFor", { date: notice.extension.until, reason: notice.extension.reason })}
        </p>
      )}
      <FailureAlert failure={failure} />
      <Form.Item label={t("notices.decision")} name="approved">
        <Radio.Group
          options={[
            { value: true, label: t("notices.approve") },
            { value: false, label: t("notices.refuse") },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t("notices.decisionReason")}
        name="reason"
        dependencies={["approved"]}
        rules={[requiredWhen(form, "approved", t("notices.refuseNeedsReason")), reason.rule]}
      >
        <Input.TextArea rows={3} count={reason.count} />
      </Form.Item>
    </FormModal>
  );
}

type EscalateValues = { level: NoticeLevel; reason: string };

/** 升级: to a higher colour only, with the reason. */
export function EscalateDialog({ notice, onClose }: DialogProps) {
  const { t } = useTranslation();
  const escalate = useEscalateNotice();
  const { form, failure, run } = useStepSubmit<EscalateValues>(t("notices.escalated"), onClose);
  const reason = textLimit(t, TEXT_MAX.note);
  const higher = NoticeLevelSchema.options.filter((level) => isHigherLevel(level, notice.level));
  return (
    <FormModal<EscalateValues>
      name={`notice-escalate-${notice.id}`}
      title={t("notices.escalateTitle", { number: notice.number })}
      form={form}
      initialValues={{ level: higher[0] }}
      saving={escalate.isPending}
      okText={t("notices.actions.escalate")}
      onSubmit={(values) =>
        void run(() =>
          escalate.mutateAsync({ id: notice.id, body: { level: values.level, reason: values.reason.trim() } }),
        )
      }
      onCancel={onClose}
    >
      <FailureAlert failure={failure} />
      <Form.Item
        label={t("notices.escalateTo")}
        name="level"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select options={higher.map((level) => ({ value: level, label: t(`notices.levels.${level}`) }))} />
      </Form.Item>
      <Form.Item label={t("notices.escalateReason")} name="reason" rules={[requiredRule(t), reason.rule]}>
        <Input.TextArea rows={3} count={reason.count} />
      </Form.Item>
    </FormModal>
  );
}
