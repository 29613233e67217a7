import { SUBSIDY_BASES, TEXT_MAX, yuanToFen, type SubsidyBasis } from "@resettle/domain";
import { Alert, App, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { useCreateStandard } from "../api/use-subsidy";
import { yuanAmountRule } from "../lib/amount-rule";

type Values = { basis: SubsidyBasis; rateFen: string; effectiveFrom: Dayjs; note?: string };

/**
 * 设定补助标准 (the office): a rate in yuan per household or per m² per month, from a month on.
 * A new rate starts after the latest one; the months before keep theirs.
 */
export function StandardDialog({
  projectId,
  latestMonth,
  onClose,
}: {
  projectId: string;
  latestMonth: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateStandard(projectId);
  const [failure, setFailure] = useState<string | null>(null);
  const noteLimit = textLimit(t, TEXT_MAX.note);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await create.mutateAsync({
        basis: values.basis,
        rateFen: yuanToFen(values.rateFen)!,
        effectiveFrom: values.effectiveFrom.format("YYYY-MM"),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      void message.success(t("subsidy.standardSaved"));
      onClose();
    } catch (error) {
      if (applyFieldErrors(form, error, t)) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name={`subsidy-standard-${projectId}`}
      title={t("subsidy.standardTitle")}
      form={form}
      initialValues={{ basis: "per_household" }}
      saving={create.isPending}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint-block">
        {latestMonth ? t("subsidy.standardHintNext", { month: latestMonth }) : t("subsidy.standardHintFirst")}
      </p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item
        label={t("subsidy.basis")}
        name="basis"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select options={SUBSIDY_BASES.map((b) => ({ value: b, label: t(`subsidy.bases.${b}`) }))} />
      </Form.Item>
      <Form.Item label={t("subsidy.rateYuan")} name="rateFen" rules={[requiredRule(t), yuanAmountRule(t)]}>
        <Input inputMode="decimal" suffix={t("units.yuan")} style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item
        label={t("subsidy.effectiveFrom")}
        name="effectiveFrom"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <DatePicker picker="month" allowClear={false} />
      </Form.Item>
      <Form.Item label={t("subsidy.note")} name="note" rules={[noteLimit.rule]}>
        <Input.TextArea rows={2} count={noteLimit.count} />
      </Form.Item>
    </FormModal>
  );
}
