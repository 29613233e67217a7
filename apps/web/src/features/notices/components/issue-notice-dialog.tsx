import {
  COOPERATORS_MAX,
  NoticeLevelSchema,
  NoticeTargetTypeSchema,
  TEXT_MAX,
  type NoticeLevel,
  type NoticeTargetType,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { departmentsQueries } from "../../organisation";
import { DEFAULT_LIST_QUERY, projectsQueries } from "../../projects";
import { ticketsQueries } from "../../tickets";
import { useIssueNotice } from "../api/use-notices";
import { noticeDayBounds } from "./notice-step-dialogs";
import { stepFailure } from "./step-failure";

type Values = {
  level: NoticeLevel;
  targetType: NoticeTargetType;
  projectId: string;
  targetId?: string;
  departmentId: string;
  cooperatingDepartmentIds?: string[];
  requirement: string;
  replyBy: Dayjs;
};

type Choice = { value: string; label: string; departmentId: string | null };

/** The records of a type within the chosen project, each with its responsible department when known. */
function useTargetChoices(type: NoticeTargetType | undefined, projectId: string | undefined) {
  const { t } = useTranslation();
  const project = useQuery({ ...projectsQueries.detail(projectId ?? ""), enabled: !!projectId });
  const tickets = useQuery({
    ...ticketsQueries.list({ projectId: projectId ?? "", page: 1, pageSize: 100 }),
    enabled: !!projectId && type === "ticket",
  });
  let choices: Choice[] | undefined;
  if (type === "milestone")
    choices = project.data?.milestones.map((m) => ({
      value: m.id,
      label: m.title,
      departmentId: m.responsibleDepartmentId,
    }));
  else if (type === "item")
    choices = project.data?.items.map((i) => ({
      value: i.id,
      label: i.title,
      departmentId: i.responsibleDepartmentId,
    }));
  else if (type === "ticket")
    choices = tickets.data?.items.map((k) => ({
      value: k.id,
      label: `${t(`tickets.kinds.${k.kind}`)}：${k.description}`,
      departmentId: k.responsibleDepartment?.id ?? null,
    }));
  return { project: project.data, choices, loading: type === "ticket" ? tickets.isPending : project.isPending };
}

/** 交办督办单 (the office): what about, to which department, how serious, what to do and by when. */
export function IssueNoticeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const issue = useIssueNotice();
  const [failure, setFailure] = useState<string | null>(null);
  const departments = useQuery(departmentsQueries.list());
  const [projectText, setProjectText] = useState("");
  const q = useDeferredValue(projectText.trim());
  const projects = useQuery(projectsQueries.list({ ...DEFAULT_LIST_QUERY, q: q || undefined, pageSize: 20 }));
  const targetType = Form.useWatch("targetType", form);
  const projectId = Form.useWatch("projectId", form);
  const targets = useTargetChoices(targetType, projectId);
  const projectOptions = projects.data?.items.map((p) => ({ value: p.id, label: p.name }));
  // The chosen project stays in the list while another search is typed.
  if (projectOptions && targets.project && !projectOptions.some((o) => o.value === targets.project?.id))
    projectOptions.unshift({ value: targets.project.id, label: targets.project.name });
  const requirement = textLimit(t, TEXT_MAX.measure);
  const bounds = noticeDayBounds();

  const departmentId = Form.useWatch("departmentId", form);
  /** The notice's department leads: it is never one of the cooperating ones. */
  const dropFromCooperating = (lead: string) =>
    form.setFieldValue(
      "cooperatingDepartmentIds",
      (form.getFieldValue("cooperatingDepartmentIds") as string[] | undefined)?.filter((id) => id !== lead),
    );
  /** The department answering for the record, when it names one, is the notice's by default. */
  const suggestDepartment = (departmentId: string | null | undefined) => {
    if (!departmentId) return;
    form.setFieldValue("departmentId", departmentId);
    dropFromCooperating(departmentId);
  };

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const notice = await issue.mutateAsync({
        level: values.level,
        targetType: values.targetType,
        targetId: values.targetType === "project" ? values.projectId : (values.targetId ?? ""),
        departmentId: values.departmentId,
        cooperatingDepartmentIds: values.cooperatingDepartmentIds ?? [],
        requirement: values.requirement.trim(),
        replyBy: values.replyBy.format("YYYY-MM-DD"),
      });
      void message.success(t("notices.issued", { number: notice.number }));
      onClose();
      void navigate(`/notices/${notice.id}`);
    } catch (error) {
      setFailure(stepFailure(t, error, form));
    }
  };

  return (
    <FormModal<Values>
      name="issue-notice"
      title={t("notices.issueTitle")}
      form={form}
      initialValues={{ level: "blue", targetType: "project" }}
      saving={issue.isPending}
      okText={t("notices.issue")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item
        label={t("notices.level")}
        name="level"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select options={NoticeLevelSchema.options.map((l) => ({ value: l, label: t(`notices.levels.${l}`) }))} />
      </Form.Item>
      <Form.Item
        label={t("notices.targetType")}
        name="targetType"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select
          options={NoticeTargetTypeSchema.options.map((type) => ({
            value: type,
            label: t(`notices.targetTypes.${type}`),
          }))}
          onChange={(type: NoticeTargetType) => {
            form.setFieldValue("targetId", undefined);
            if (type === "project") suggestDepartment(targets.project?.responsibleDepartment?.id);
          }}
        />
      </Form.Item>
      <Form.Item
        label={t("notices.project")}
        name="projectId"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setProjectText }}
          placeholder={t("notices.projectSearch")}
          loading={projects.isFetching}
          options={projectOptions}
          notFoundContent={projects.isError ? t("notices.projectsFailed") : undefined}
          onChange={(id: string) => {
            form.setFieldValue("targetId", undefined);
            if (targetType === "project")
              suggestDepartment(projects.data?.items.find((p) => p.id === id)?.responsibleDepartment?.id);
          }}
        />
      </Form.Item>
      {targetType && targetType !== "project" && (
        <Form.Item
          label={t(`notices.targetTypes.${targetType}`)}
          name="targetId"
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            disabled={!projectId}
            placeholder={projectId ? undefined : t("notices.chooseProjectFirst")}
            loading={!!projectId && targets.loading}
            options={targets.choices?.map(({ value, label }) => ({ value, label }))}
            onChange={(id: string) => suggestDepartment(targets.choices?.find((c) => c.value === id)?.departmentId)}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t("notices.department")}
        name="departmentId"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <DepartmentSelect departments={departments.isError ? [] : departments.data} onChange={dropFromCooperating} />
      </Form.Item>
      <Form.Item
        label={t("notices.cooperating")}
        name="cooperatingDepartmentIds"
        extra={t("notices.cooperatingHint")}
        rules={[{ type: "array", max: COOPERATORS_MAX, message: t("cooperation.tooMany", { max: COOPERATORS_MAX }) }]}
      >
        <DepartmentSelect<string[]>
          mode="multiple"
          allowClear
          placeholder={t("notices.cooperatingPlaceholder")}
          departments={departments.isError ? [] : departments.data?.filter((d) => d.id !== departmentId)}
        />
      </Form.Item>
      <Form.Item label={t("notices.requirement")} name="requirement" rules={[requiredRule(t), requirement.rule]}>
        <Input.TextArea rows={4} count={requirement.count} />
      </Form.Item>
      <Form.Item
        label={t("notices.replyBy")}
        name="replyBy"
        rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, bounds)]}
      >
        <BoundedDatePicker bounds={bounds} />
      </Form.Item>
    </FormModal>
  );
}
