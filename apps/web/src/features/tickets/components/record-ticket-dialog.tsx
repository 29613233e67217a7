import {
  HouseholdPageSchema,
  TEXT_MAX,
  TicketChannelSchema,
  UtilityKindSchema,
  type TicketChannel,
  type UtilityKind,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { FormModal } from "../../../components/ui/form-modal";
import { apiGet } from "../../../lib/api-client";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { formatDateTime } from "../../../lib/format";
import { untilToday } from "../../../lib/plan-windows";
import { useProjectChoices } from "../../projects";
import { useRecordTicket } from "../api/use-tickets";

type Values = {
  projectId: string;
  householdId?: string;
  kind: UtilityKind;
  channel: TicketChannel;
  reportedAt: Dayjs;
  description: string;
};

/**
 * 登记水电暖问题: anyone signed in records what a household (or a whole building) reports. The
 * household is searched by name in the project's registry; the answer says the deadline.
 */
export function RecordTicketDialog({ projectId, onClose }: { projectId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordTicket();
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const projects = useProjectChoices(!projectId);
  const chosenProject = Form.useWatch("projectId", form) ?? projectId;
  const households = useQuery({
    queryKey: ["households", chosenProject, "ticket-choices", search],
    queryFn: ({ signal }) =>
      apiGet(`/projects/${encodeURIComponent(chosenProject!)}/households`, HouseholdPageSchema, {
        signal,
        params: { q: search || undefined, pageSize: 20, page: 1 },
      }),
    enabled: !!chosenProject,
  });
  const limit = textLimit(t, TEXT_MAX.note);
  const reportedAtBounds = untilToday();

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const ticket = await record.mutateAsync({
        projectId: values.projectId,
        householdId: values.householdId ?? null,
        kind: values.kind,
        channel: values.channel,
        reportedAt: values.reportedAt.toISOString(),
        description: values.description.trim(),
      });
      void message.success(t("tickets.recorded", { deadline: formatDateTime(ticket.deadlineAt) }));
      onClose();
    } catch (error) {
      if (applyFieldErrors(form, error, t)) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name="record-ticket"
      title={t("tickets.recordTitle")}
      form={form}
      initialValues={{ projectId, reportedAt: dayjs(), channel: "household" }}
      saving={record.isPending}
      okText={t("tickets.recordOk")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item
        label={t("tickets.project")}
        name="projectId"
        hidden={!!projectId}
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          loading={projects.isPending && !projectId}
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={() => form.setFieldsValue({ householdId: undefined })}
        />
      </Form.Item>
      <Form.Item label={t("tickets.household")} name="householdId" extra={t("tickets.householdHint")}>
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setSearch }}
          disabled={!chosenProject}
          loading={households.isFetching}
          placeholder={t("tickets.wholeBuilding")}
          options={(households.data?.items ?? []).map((h) => ({
            value: h.id,
            label: `${h.headName} · ${h.address}`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t("tickets.kind")} name="kind" rules={[{ required: true, message: t("validation.required") }]}>
        <Select options={UtilityKindSchema.options.map((k) => ({ value: k, label: t(`tickets.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        label={t("tickets.channel")}
        name="channel"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select options={TicketChannelSchema.options.map((c) => ({ value: c, label: t(`tickets.channels.${c}`) }))} />
      </Form.Item>
      <Form.Item
        label={t("tickets.reportedAt")}
        name="reportedAt"
        rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, reportedAtBounds)]}
      >
        <BoundedDatePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          allowClear={false}
          bounds={reportedAtBounds}
        />
      </Form.Item>
      <Form.Item label={t("tickets.description")} name="description" rules={[requiredRule(t), limit.rule]}>
        <Input.TextArea rows={3} count={limit.count} />
      </Form.Item>
    </FormModal>
  );
}
