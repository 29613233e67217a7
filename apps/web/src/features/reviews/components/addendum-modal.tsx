import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { useAddAddendum } from "../api/use-record-review";
import { REVIEW_LIMITS } from "../lib/review-form";
import "../reviews.css";

type Values = { text: string };

/** 补充说明: a correction or addition to the record, dated and signed by its author; never edited. */
export function AddendumModal({ reviewId, onClose }: { reviewId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const textLength = textLimit(t, REVIEW_LIMITS.text);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddAddendum(reviewId);

  const submit = ({ text }: Values) =>
    add.mutate(
      { text: text.trim() },
      {
        onSuccess: () => {
          void message.success(t("reviews.addendum.saved"));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, t)) void message.error(actionErrorMessage(t, error));
        },
      },
    );

  return (
    <FormModal<Values>
      name="review-addendum"
      title={t("reviews.addendum.title")}
      form={form}
      saving={add.isPending}
      okText={t("reviews.addendum.submit")}
      onSubmit={submit}
      onCancel={onClose}
    >
      <p className="form-hint-block">{t("reviews.addendum.hint")}</p>
      <Form.Item label={t("reviews.addendum.text")} name="text" rules={[requiredRule(t), textLength.rule]}>
        <Input.TextArea autoFocus rows={5} count={textLength.count} placeholder={t("reviews.addendum.placeholder")} />
      </Form.Item>
    </FormModal>
  );
}
