import { DATE_RANGE, SCORE_PARTS, TEXT_MAX, type ScoringRules, type ScoringRuleSet } from "@resettle/domain";
import { Alert, App, Col, Form, Input, InputNumber, Row } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { useReviseRules } from "../api/use-revise-rules";
import { applyRuleErrors, type RuleFailure } from "../lib/rule-errors";

type Values = { effectiveFrom: Dayjs; rules: ScoringRules; note: string };

const DEDUCTIONS = [
  "overdueEach",
  "overdueCap",
  "noticeBlue",
  "noticeYellow",
  "noticeRed",
  "arrears90Project",
] as const;
/** Every field the form shows, as the server's issue paths name them (without "body."). */
const FIELDS = [
  "effectiveFrom",
  "note",
  "rules.freshnessDays",
  ...SCORE_PARTS.map((part) => `rules.weights.${part}`),
  ...DEDUCTIONS.map((name) => `rules.deductions.${name}`),
];
const BOUNDS = { minimum: DATE_RANGE.min, maximum: DATE_RANGE.max };

/**
 * 修订评分细则 (the office): a new version of the rules from a day on, starting from the latest.
 * The figures go to the server as typed (no field rounds or clamps them); what it refuses shows on
 * the field, the weights' running sum beside them.
 */
export function ReviseRulesDialog({ base, onClose }: { base: ScoringRuleSet; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const revise = useReviseRules();
  const [failure, setFailure] = useState<RuleFailure>({ sum: null, general: null });
  const weights = Form.useWatch(["rules", "weights"], form) as Partial<Record<string, number | null>> | undefined;
  // Before the form has rendered its fields the watch reads nothing: the sum is the base's then.
  const sum = SCORE_PARTS.reduce(
    (total, part) => total + (weights ? Number(weights[part]) || 0 : base.rules.weights[part]),
    0,
  );
  const note = textLimit(t, TEXT_MAX.note);
  const required = { required: true, message: t("validation.required") };

  const submit = async (values: Values) => {
    setFailure({ sum: null, general: null });
    try {
      const created = await revise.mutateAsync({
        effectiveFrom: values.effectiveFrom.format("YYYY-MM-DD"),
        rules: values.rules,
        note: values.note.trim(),
      });
      void message.success(t("scorecards.revise.saved", { version: created.version }));
      onClose();
    } catch (error) {
      setFailure(applyRuleErrors(form, FIELDS, error, t));
    }
  };

  const figure = (name: (string | number)[], label: string, step: number, unit: string) => (
    <Col xs={12} sm={8} key={name.join(".")}>
      <Form.Item label={label} name={name} rules={[required]}>
        <InputNumber step={step} suffix={unit} style={{ width: "100%" }} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal<Values>
      name="revise-scoring-rules"
      title={t("scorecards.revise.title")}
      form={form}
      initialValues={{ rules: base.rules, note: "" }}
      saving={revise.isPending}
      okText={t("scorecards.revise.submit")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint">{t("scorecards.revise.hint", { version: base.version })}</p>
      {failure.general && <Alert type="error" showIcon role="alert" title={failure.general} className="form-alert" />}
      <fieldset className="score-fieldset">
        <legend>{t("scorecards.rules.weights")}</legend>
        <Row gutter={12}>
          {SCORE_PARTS.map((part) =>
            figure(["rules", "weights", part], t(`scorecards.parts.${part}`), 1, t("scorecards.pointsUnit")),
          )}
        </Row>
        <div role="status" className={sum === 100 ? "score-sum" : "score-sum score-sum-off"}>
          {t("scorecards.revise.sum", { sum })}
        </div>
        {failure.sum && sum !== 100 && (
          <div role="alert" className="score-sum-error">
            {failure.sum}
          </div>
        )}
      </fieldset>
      <fieldset className="score-fieldset">
        <legend>{t("scorecards.rules.deductions")}</legend>
        <Row gutter={12}>
          {DEDUCTIONS.map((name) =>
            figure(
              ["rules", "deductions", name],
              t(`scorecards.revise.deductions.${name}`),
              0.5,
              t("scorecards.pointsUnit"),
            ),
          )}
          {figure(["rules", "freshnessDays"], t("scorecards.revise.freshnessDays"), 1, t("scorecards.daysUnit"))}
        </Row>
      </fieldset>
      <Form.Item
        label={t("scorecards.revise.effectiveFrom")}
        name="effectiveFrom"
        rules={[required, dateBoundsRule(t, BOUNDS)]}
        extra={t("scorecards.revise.effectiveFromHint")}
      >
        <BoundedDatePicker bounds={BOUNDS} />
      </Form.Item>
      <Form.Item label={t("scorecards.rules.note")} name="note" rules={[requiredRule(t), note.rule]}>
        <Input.TextArea rows={3} count={note.count} placeholder={t("scorecards.revise.notePlaceholder")} />
      </Form.Item>
    </FormModal>
  );
}
