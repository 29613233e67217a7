import {
  TEXT_MAX,
  WorkingGroupSchema,
  type Department,
  type NamedRef,
  type Person,
  type WorkingGroup,
} from "@resettle/domain";
import { App, Form, Input, InputNumber, Select } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { isApiError } from "../../../lib/api-error";
import { groupDepartmentOptions } from "../../../lib/department-options";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useCreateWorkingGroup, useUpdateWorkingGroup } from "../api/use-save-working-group";
import { personOptionGroups, personsOfMembers, withLead } from "../lib/member-rules";

type Values = {
  name: string;
  leadDepartmentId?: string;
  departmentIds: string[];
  personIds: string[];
  projectIds: string[];
  reviewIntervalDays: number;
};

type Props = {
  group: WorkingGroup | null;
  departments: Department[] | undefined;
  /** Every person, active or not: the form offers the active ones of the member departments. */
  persons: Person[] | undefined;
  projects: NamedRef[] | undefined;
  /** All groups, to say which projects another group already reviews. */
  groups: WorkingGroup[] | undefined;
  onClose: () => void;
};

const DEFAULT_INTERVAL = 30;

const toValues = (g: WorkingGroup): Values => ({
  name: g.name,
  leadDepartmentId: g.leadDepartment.id,
  departmentIds: g.departments.map((d) => d.id),
  personIds: g.persons.map((p) => p.id),
  projectIds: g.projects.map((p) => p.id),
  reviewIntervalDays: g.reviewIntervalDays,
});

export function WorkingGroupFormModal({ group, departments, persons, projects, groups, onClose }: Props) {
  const { t } = useTranslation();
  const nameLimit = textLimit(t, TEXT_MAX.longName);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorkingGroup();
  const update = useUpdateWorkingGroup();
  const leadId = Form.useWatch("leadDepartmentId", form);
  const memberIds = Form.useWatch("departmentIds", form) ?? [];
  const chosenPersons = Form.useWatch("personIds", form) ?? [];

  const departmentName = (id: string) =>
    departments?.find((d) => d.id === id)?.name ?? group?.departments.find((d) => d.id === id)?.name ?? id;
  const personOf = (id: string) => persons?.find((p) => p.id === id);
  const personName = (id: string) => personOf(id)?.name ?? group?.persons.find((p) => p.id === id)?.name ?? id;
  const projectName = (id: string) =>
    projects?.find((p) => p.id === id)?.name ?? group?.projects.find((p) => p.id === id)?.name ?? id;
  const names = (ids: string[] | undefined, nameOf: (id: string) => string) =>
    ids?.length ? ids.map(nameOf).join(t("common.listSeparator")) : NO_VALUE;

  const fields: ConflictField<Values>[] = [
    { key: "name", label: t("groups.form.name"), text: (v) => v.name || NO_VALUE },
    {
      key: "lead",
      label: t("groups.form.lead"),
      text: (v) => (v.leadDepartmentId ? departmentName(v.leadDepartmentId) : NO_VALUE),
    },
    { key: "members", label: t("groups.form.members"), text: (v) => names(v.departmentIds, departmentName) },
    { key: "persons", label: t("groups.form.persons"), text: (v) => names(v.personIds, personName) },
    { key: "projects", label: t("groups.form.projects"), text: (v) => names(v.projectIds, projectName) },
    {
      key: "interval",
      label: t("groups.form.reviewInterval"),
      text: (v) => (v.reviewIntervalDays ? t("groups.days", { count: v.reviewIntervalDays }) : NO_VALUE),
    },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: group,
    schema: WorkingGroupSchema,
    form,
    toValues,
    fields,
  });

  // Which group reviews each project now: a project belongs to one group only.
  const otherGroupOf = new Map(
    (groups ?? []).filter((g) => g.id !== base?.id).flatMap((g) => g.projects.map((p) => [p.id, g.name] as const)),
  );

  const chooseLead = (lead?: string) => {
    form.setFieldValue("departmentIds", withLead(form.getFieldValue("departmentIds") ?? [], lead));
    void form.validateFields(["departmentIds"]).catch(() => {});
  };
  const chooseMembers = (ids: string[]) => {
    const kept = personsOfMembers(form.getFieldValue("personIds") ?? [], ids, (id) => personOf(id)?.departmentId);
    form.setFieldValue("personIds", kept);
  };

  const departmentOptions = groupDepartmentOptions(departments ?? [], (kind) => t(`enums.departmentKind.${kind}`)).map(
    (kindGroup) => ({
      ...kindGroup,
      // The lead cannot be taken out of the members: its tag has no remove button.
      options: kindGroup.options.map((o) =>
        o.value === leadId ? { ...o, label: t("groups.form.leadMember", { name: o.label }), disabled: true } : o,
      ),
    }),
  );
  const personOptions = personOptionGroups(
    memberIds,
    departments ?? [],
    persons ?? [],
    new Set(chosenPersons),
    (name) => t("groups.form.inactivePerson", { name }),
  );
  const projectOptions = (projects ?? []).map((p) => {
    const other = otherGroupOf.get(p.id);
    return other
      ? { value: p.id, label: t("groups.form.projectInOtherGroup", { name: p.name, group: other }), disabled: true }
      : { value: p.id, label: p.name };
  });

  const leadIncludedRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, ids: string[] | undefined) => {
      const lead = getFieldValue("leadDepartmentId") as string | undefined;
      if (lead && !(ids ?? []).includes(lead)) throw new Error(t("groups.form.leadMustBeMember"));
    },
  });
  const activePersonsRule: Rule = {
    validator: async (_, ids: string[] | undefined) => {
      const inactive = (ids ?? []).filter((id) => personOf(id)?.active === false);
      if (inactive.length)
        throw new Error(t("groups.form.inactivePersons", { names: inactive.map(personName).join("、") }));
    },
  };

  /** The server names list entries by index (body.projectIds.2): say which one, in words. */
  const placeFieldErrors = (error: unknown, sent: Record<string, unknown>) =>
    applyFieldErrors(form, error, t, ({ field, entry, reason }) => {
      const list = sent[field];
      const id = entry !== null && Array.isArray(list) ? (list[entry] as string | undefined) : undefined;
      if (field === "projectIds")
        return id && reason === "project_in_other_group"
          ? t("groups.form.projectTaken", { name: projectName(id) })
          : t("groups.form.projectsInvalid");
      if (field === "personIds")
        return id ? t("groups.form.personInvalid", { name: personName(id) }) : t("groups.form.personsInvalid");
      if (field === "departmentIds")
        return reason === "lead_not_member" ? t("groups.form.leadMustBeMember") : t("groups.form.departmentsInvalid");
      if (field === "name" && reason === "taken") return t("groups.form.nameTaken");
      return undefined;
    });

  const submit = (values: Values) => {
    const body = {
      name: values.name.trim(),
      leadDepartmentId: values.leadDepartmentId!,
      reviewIntervalDays: values.reviewIntervalDays,
      departmentIds: withLead(values.departmentIds ?? [], values.leadDepartmentId),
      personIds: values.personIds ?? [],
      projectIds: values.projectIds ?? [],
    };
    const onError = (error: unknown) => {
      if (handleConflict(error)) return;
      if (!base && isApiError(error) && error.isConflict) {
        form.setFields([{ name: "name", errors: [t("groups.form.nameTaken")] }]);
        return;
      }
      if (!placeFieldErrors(error, body)) void message.error(actionErrorMessage(t, error));
    };
    const done = () => {
      void message.success(t("common.saved"));
      onClose();
    };
    if (base) update.mutate({ id: base.id, changes: { ...body, version: base.version } }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  const multiple = {
    mode: "multiple" as const,
    showSearch: { optionFilterProp: "label" },
    popupMatchSelectWidth: false,
  };

  return (
    <>
      <FormModal<Values>
        name="working-group-form"
        title={base ? t("groups.form.editTitle", { name: base.name }) : t("groups.form.createTitle")}
        form={form}
        initialValues={
          group
            ? toValues(group)
            : { departmentIds: [], personIds: [], projectIds: [], reviewIntervalDays: DEFAULT_INTERVAL }
        }
        saving={create.isPending || update.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item label={t("groups.form.name")} name="name" rules={[requiredRule(t), nameLimit.rule]}>
          <Input autoFocus count={nameLimit.count} placeholder={t("groups.form.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          label={t("groups.form.lead")}
          name="leadDepartmentId"
          rules={[requiredRule(t, t("groups.form.leadRequired"))]}
        >
          <DepartmentSelect departments={departments} onChange={chooseLead} />
        </Form.Item>
        <Form.Item
          label={t("groups.form.members")}
          name="departmentIds"
          extra={t("groups.form.membersHint")}
          rules={[
            { required: true, type: "array", min: 1, message: t("groups.form.membersRequired") },
            leadIncludedRule,
          ]}
        >
          <Select<string[]> {...multiple} loading={!departments} options={departmentOptions} onChange={chooseMembers} />
        </Form.Item>
        <Form.Item
          label={t("groups.form.persons")}
          name="personIds"
          extra={t("groups.form.personsHint")}
          rules={[activePersonsRule]}
        >
          <Select<string[]>
            {...multiple}
            loading={!persons}
            options={personOptions}
            placeholder={memberIds.length ? undefined : t("groups.form.personsNoMembers")}
            notFoundContent={t("groups.form.noPersons")}
          />
        </Form.Item>
        <Form.Item label={t("groups.form.projects")} name="projectIds" extra={t("groups.form.projectsHint")}>
          <Select<string[]> {...multiple} loading={!projects} options={projectOptions} />
        </Form.Item>
        <Form.Item
          label={t("groups.form.reviewInterval")}
          name="reviewIntervalDays"
          extra={t("groups.form.reviewIntervalHint")}
          rules={[{ required: true, type: "integer", min: 1, max: 365, message: t("groups.form.reviewIntervalRange") }]}
        >
          <InputNumber min={1} max={365} precision={0} suffix={t("groups.daysUnit")} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
