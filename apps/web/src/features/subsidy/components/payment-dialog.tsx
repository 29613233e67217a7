import {
  fenToYuan,
  TEXT_MAX,
  VoucherNoSchema,
  yuanToFen,
  type HouseholdSubsidy,
  type HouseholdSubsidyDetail,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Form, Input, Select, Spin } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { subsidyQueries } from "../api/subsidy.queries";
import { useRecordPayment } from "../api/use-subsidy";
import { yuanAmountRule } from "../lib/amount-rule";

/** The months with something still open, oldest first. */
const openMonths = (detail: HouseholdSubsidyDetail | undefined) =>
  (detail?.months ?? []).filter((m) => m.owedFen > 0).reverse();

/** Yuan as the amount field starts: 800.00, no separators. */
const plainYuan = (fen: number) => fenToYuan(fen).replace(/,/g, "");

type Values = { month: string; amountFen: string; paidOn: Dayjs; voucherNo: string; note?: string };

/**
 * 登记发放: one payment for one month of one household. The months offered are those still open
 * (oldest first, with what is open and how late); the amount starts at what is open, typed in yuan
 * and refused unless it is whole fen — never rounded.
 */
export function PaymentDialog({ account, onClose }: { account: HouseholdSubsidy; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const detail = useQuery(subsidyQueries.household(account.householdId));
  const windows = useQuery(planWindowsQuery()).data;
  const record = useRecordPayment();
  const [failure, setFailure] = useState<string | null>(null);
  const noteLimit = textLimit(t, TEXT_MAX.note);
  const open = openMonths(detail.data);

  // The oldest open month and its amount, and today as the server counts it, once known.
  useEffect(() => {
    const first = openMonths(detail.data)[0];
    if (first && !form.getFieldValue("month"))
      form.setFieldsValue({ month: first.month, amountFen: plainYuan(first.owedFen) });
  }, [detail.data, form]);
  useEffect(() => {
    if (windows && !form.getFieldValue("paidOn")) form.setFieldsValue({ paidOn: dayjs(windows.today) });
  }, [windows, form]);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await record.mutateAsync({
        householdId: account.householdId,
        body: {
          month: values.month,
          amountFen: yuanToFen(values.amountFen)!,
          paidOn: values.paidOn.format("YYYY-MM-DD"),
          voucherNo: values.voucherNo.trim(),
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        },
      });
      void message.success(t("subsidy.paid", { name: account.headName, month: values.month }));
      onClose();
    } catch (error) {
      if (applyFieldErrors(form, error, t)) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name={`subsidy-payment-${account.householdId}`}
      title={t("subsidy.payTitle", { name: account.headName })}
      form={form}
      saving={record.isPending}
      okText={t("subsidy.payOk")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint-block">
        {t("subsidy.payHint", { id: account.idNumberMasked, owed: fenToYuan(account.owedFen) })}
      </p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      {detail.isPending ? (
        <Spin />
      ) : open.length === 0 ? (
        <Alert type="success" showIcon className="form-alert" title={t("subsidy.nothingOpen")} />
      ) : null}
      <Form.Item
        label={t("subsidy.month")}
        name="month"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select
          onChange={(month: string) => {
            const chosen = open.find((m) => m.month === month);
            if (chosen) form.setFieldsValue({ amountFen: plainYuan(chosen.owedFen) });
          }}
          options={open.map((m) => ({
            value: m.month,
            label:
              m.daysOverdue > 0
                ? t("subsidy.monthOptionLate", { month: m.month, owed: fenToYuan(m.owedFen), days: m.daysOverdue })
                : t("subsidy.monthOption", { month: m.month, owed: fenToYuan(m.owedFen) }),
          }))}
        />
      </Form.Item>
      <Form.Item label={t("subsidy.amountYuan")} name="amountFen" rules={[requiredRule(t), yuanAmountRule(t)]}>
        <Input inputMode="decimal" suffix={t("units.yuan")} style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item
        label={t("subsidy.paidOn")}
        name="paidOn"
        rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, windows?.reportedOn)]}
      >
        <BoundedDatePicker allowClear={false} bounds={windows?.reportedOn} />
      </Form.Item>
      <Form.Item
        label={t("subsidy.voucherNo")}
        name="voucherNo"
        rules={[
          requiredRule(t),
          {
            validator: async (_, value: string | undefined) => {
              if (value?.trim() && !VoucherNoSchema.safeParse(value).success)
                throw new Error(t("subsidy.voucherInvalid"));
            },
          },
        ]}
      >
        <Input style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item label={t("subsidy.note")} name="note" rules={[noteLimit.rule]}>
        <Input.TextArea rows={2} count={noteLimit.count} />
      </Form.Item>
    </FormModal>
  );
}
