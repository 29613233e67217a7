import {
  AreaSchema,
  idNumberProblem,
  PhoneSchema,
  ResettlementApproachSchema,
  TEXT_MAX,
  type HouseholdCreate,
} from "@resettle/domain";
import { Alert, App, Form, Input, InputNumber, Select } from "antd";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors, type FormIssue } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { useCreateHousehold } from "../api/use-households";

type Values = {
  headName: string;
  idNumber: string;
  phone?: string;
  address: string;
  areaM2: number;
  approach: HouseholdCreate["approach"];
};

/** The ID number as the server reads it (spaces dropped, x as X), checked by the same rule. */
const normalisedId = (value: string) => value.replace(/\s/g, "").toUpperCase();
const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function idNumberRule(t: TFunction): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value !== "string" || !value.trim()) throw new Error(t("households.idNumberRequired"));
      const problem = idNumberProblem(normalisedId(value), todayInChina());
      if (problem) throw new Error(t(`households.idProblems.${problem}`));
    },
  };
}

function schemaRule(check: (value: unknown) => boolean, message: string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      if (!check(value)) throw new Error(message);
    },
  };
}

/** The form's words for the server's refusals it knows (the ID number's problem, one already registered). */
function householdIssueMessage(t: TFunction, issue: FormIssue): string | undefined {
  if (issue.field === "idNumber" && issue.reason === "id_number_invalid" && typeof issue.params?.problem === "string")
    return t(`households.idProblems.${issue.params.problem}` as "households.idProblems.format");
  if (issue.field === "idNumber" && issue.reason === "taken") return t("households.idTaken");
  return undefined;
}

/**
 * 新增回迁户: checks the ID number (GB 11643: length, birth date, check digit) as it is typed, the
 * area as a number with at most two decimals (never rounded), and says what the server refused.
 */
export function AddHouseholdDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold(projectId);
  const [failure, setFailure] = useState<string | null>(null);
  const nameLimit = textLimit(t, TEXT_MAX.name);
  const addressLimit = textLimit(t, TEXT_MAX.title);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await create.mutateAsync({
        headName: values.headName.trim(),
        idNumber: normalisedId(values.idNumber),
        phone: values.phone?.trim() ? values.phone.trim() : null,
        address: values.address.trim(),
        areaM2: values.areaM2,
        approach: values.approach,
      });
      void message.success(t("households.added"));
      onClose();
    } catch (error) {
      if (applyFieldErrors(form, error, t, (issue) => householdIssueMessage(t, issue))) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name="add-household"
      title={t("households.addTitle")}
      form={form}
      saving={create.isPending}
      okText={t("households.add")}
      initialValues={{ approach: "on_site_rebuild" }}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item label={t("households.headName")} name="headName" rules={[requiredRule(t), nameLimit.rule]}>
        <Input count={nameLimit.count} autoFocus />
      </Form.Item>
      <Form.Item
        label={t("households.idNumber")}
        name="idNumber"
        rules={[idNumberRule(t)]}
        extra={t("households.idNumberHint")}
        validateFirst
      >
        <Input autoComplete="off" className="mono" />
      </Form.Item>
      <Form.Item
        label={t("households.phone")}
        name="phone"
        rules={[schemaRule((v) => PhoneSchema.safeParse(v).success, t("households.phoneInvalid"))]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={t("households.address")} name="address" rules={[requiredRule(t), addressLimit.rule]}>
        <Input count={addressLimit.count} />
      </Form.Item>
      <Form.Item
        label={t("households.areaM2")}
        name="areaM2"
        rules={[
          { required: true, message: t("validation.required") },
          schemaRule((v) => AreaSchema.safeParse(v).success, t("households.areaInvalid")),
        ]}
      >
        <InputNumber suffix="㎡" />
      </Form.Item>
      <Form.Item
        label={t("households.approach")}
        name="approach"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select
          options={ResettlementApproachSchema.options.map((a) => ({ value: a, label: t(`enums.approach.${a}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
