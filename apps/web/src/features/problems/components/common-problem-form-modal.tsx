import { CommonProblemSchema, TEXT_MAX, type CommonProblem, type Department, type District } from "@resettle/domain";
import { App, Form, Input, Select } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreateCommonProblem, useUpdateCommonProblem } from "../api/use-save-common-problem";

type Values = {
  title: string;
  description?: string | null;
  measure?: string | null;
  districtId?: string | null;
  responsibleDepartmentId?: string | null;
  projectIds: string[];
};

type ProjectChoice = { id: string; name: string; districtId: string };

type Props = {
  problem: CommonProblem | null;
  districts: District[] | undefined;
  departments: Department[] | undefined;
  projects: ProjectChoice[] | undefined;
  /** Linked from a project's page: that project, preselected. */
  defaultProjectId?: string;
  onSaved?: () => void;
  onClose: () => void;
};

const toValues = (p: CommonProblem): Values => ({
  title: p.title,
  description: p.description,
  measure: p.measure,
  districtId: p.district?.id ?? null,
  responsibleDepartmentId: p.responsibleDepartment?.id ?? null,
  projectIds: p.projects.map((project) => project.id),
});

const orNull = (value: string | null | undefined) => value?.trim() || null;

export function CommonProblemFormModal({
  problem,
  districts,
  departments,
  projects,
  defaultProjectId,
  onSaved,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const limits = { title: textLimit(t, TEXT_MAX.title), text: textLimit(t, TEXT_MAX.description) };
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCommonProblem();
  const update = useUpdateCommonProblem();
  const districtId = Form.useWatch("districtId", form);
  const chosen = Form.useWatch("projectIds", form) ?? [];

  const districtName = (id: string | null | undefined) =>
    id ? (districts?.find((d) => d.id === id)?.name ?? id) : t("commonProblems.cityWide");
  const departmentName = (id: string | null | undefined) =>
    id ? (departments?.find((d) => d.id === id)?.name ?? id) : NO_VALUE;
  const projectName = (id: string) =>
    projects?.find((p) => p.id === id)?.name ?? problem?.projects.find((p) => p.id === id)?.name ?? id;

  const fields: ConflictField<Values>[] = [
    { key: "title", label: t("commonProblems.form.title"), text: (v) => v.title || NO_VALUE },
    { key: "description", label: t("commonProblems.form.description"), text: (v) => v.description || NO_VALUE },
    { key: "measure", label: t("commonProblems.form.measure"), text: (v) => v.measure || NO_VALUE },
    { key: "district", label: t("commonProblems.form.district"), text: (v) => districtName(v.districtId) },
    {
      key: "department",
      label: t("commonProblems.form.responsibleDepartment"),
      text: (v) => departmentName(v.responsibleDepartmentId),
    },
    {
      key: "projects",
      label: t("commonProblems.form.projects"),
      text: (v) => (v.projectIds?.length ? v.projectIds.map(projectName).join(t("common.listSeparator")) : NO_VALUE),
    },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: problem,
    schema: CommonProblemSchema,
    form,
    toValues,
    fields,
  });

  // A district's problem concerns its own projects; those already linked stay listed either way.
  const projectOptions = (projects ?? [])
    .filter((p) => !districtId || p.districtId === districtId || chosen.includes(p.id))
    .map((p) => ({ value: p.id, label: p.name }));

  const sameDistrictRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, ids: string[] | undefined) => {
      const district = getFieldValue("districtId") as string | null | undefined;
      const outside = (ids ?? []).filter((id) => {
        const project = projects?.find((p) => p.id === id);
        return district && project && project.districtId !== district;
      });
      if (outside.length)
        throw new Error(t("commonProblems.form.projectNotInDistrict", { name: outside.map(projectName).join("、") }));
    },
  });

  const onError = (error: unknown) => {
    if (handleConflict(error)) return;
    const sent = form.getFieldValue("projectIds") as string[] | undefined;
    const placed = applyFieldErrors(form, error, t, ({ field, entry, reason }) => {
      const id = entry === null ? undefined : sent?.[entry];
      // A district-level measure covers that district's projects only.
      const outside = reason === "project_other_district";
      if (field === "projectIds" && id && outside)
        return t("commonProblems.form.projectNotInDistrict", { name: projectName(id) });
      if (field === "projectIds") return t("commonProblems.form.projectsInvalid");
      if (field === "districtId" && outside) return t("commonProblems.form.districtMismatch");
      if (field === "districtId") return t("commonProblems.form.districtInvalid");
      if (field === "responsibleDepartmentId") return t("commonProblems.form.departmentInvalid");
      return undefined;
    });
    if (!placed) void message.error(actionErrorMessage(t, error));
  };

  const submit = (values: Values) => {
    const body = {
      title: values.title.trim(),
      description: orNull(values.description),
      measure: orNull(values.measure),
      districtId: values.districtId ?? null,
      responsibleDepartmentId: values.responsibleDepartmentId ?? null,
      projectIds: values.projectIds,
    };
    const done = () => {
      void message.success(t("common.saved"));
      onSaved?.();
      onClose();
    };
    if (base) update.mutate({ id: base.id, changes: { ...body, version: base.version } }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  return (
    <>
      <FormModal<Values>
        name="common-problem-form"
        title={base ? t("commonProblems.form.editTitle", { title: base.title }) : t("commonProblems.form.createTitle")}
        form={form}
        initialValues={problem ? toValues(problem) : { projectIds: defaultProjectId ? [defaultProjectId] : [] }}
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item label={t("commonProblems.form.title")} name="title" rules={[requiredRule(t), limits.title.rule]}>
          <Input autoFocus count={limits.title.count} placeholder={t("commonProblems.form.titlePlaceholder")} />
        </Form.Item>
        <Form.Item label={t("commonProblems.form.description")} name="description" rules={[limits.text.rule]}>
          <Input.TextArea rows={3} count={limits.text.count} />
        </Form.Item>
        <Form.Item
          label={t("commonProblems.form.measure")}
          name="measure"
          extra={t("commonProblems.form.measureHint")}
          rules={[limits.text.rule]}
        >
          <Input.TextArea rows={3} count={limits.text.count} />
        </Form.Item>
        <Form.Item label={t("commonProblems.form.district")} name="districtId">
          <Select
            allowClear
            // Projects already chosen must lie in the new district: say so at once, not on saving.
            onChange={() => {
              if (form.getFieldValue("projectIds")?.length) void form.validateFields(["projectIds"]).catch(() => {});
            }}
            placeholder={t("commonProblems.cityWide")}
            loading={!districts}
            options={districts?.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label={t("commonProblems.form.responsibleDepartment")} name="responsibleDepartmentId">
          <DepartmentSelect allowClear placeholder={t("project.notSet")} departments={departments} />
        </Form.Item>
        <Form.Item
          label={t("commonProblems.form.projects")}
          name="projectIds"
          extra={t("commonProblems.form.projectsHint")}
          rules={[
            { required: true, type: "array", min: 1, message: t("commonProblems.form.projectsRequired") },
            sameDistrictRule,
          ]}
        >
          <Select<string[]>
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={!projects}
            options={projectOptions}
          />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
