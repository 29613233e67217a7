import {
  ProblemCategorySchema,
  ProjectProblemSchema,
  TEXT_MAX,
  type Cause,
  type ProblemCategory,
  type ProjectProblem,
} from "@resettle/domain";
import { App, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { useEditConflict, type ConflictField } from "../../../components/ui/use-edit-conflict";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { textLimit } from "../../../lib/form-rules";
import { NO_VALUE } from "../../../lib/format";
import { useUpdateProblemProfile } from "../api/use-update-problem-profile";

type Values = { problemCategory: ProblemCategory; causeIds: string[]; problemStatement?: string | null };

type Props = {
  projectId: string;
  projectName: string;
  profile: ProjectProblem;
  /** The taxonomy; retired causes are offered only where the project already has them. */
  causes: Cause[] | undefined;
  /** After a save, and after a 409: the page reloads the project. */
  onClose: () => void;
};

const MAX_CAUSES = 20;

const toValues = (p: ProjectProblem): Values => ({
  problemCategory: p.problemCategory,
  causeIds: p.causes.map((c) => c.id),
  problemStatement: p.problemStatement,
});

export function ProblemProfileModal({ projectId, projectName, profile, causes, onClose }: Props) {
  const { t } = useTranslation();
  const statementLimit = textLimit(t, TEXT_MAX.measure);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateProblemProfile(projectId);

  const causeName = (id: string) =>
    causes?.find((c) => c.id === id)?.name ?? profile.causes.find((c) => c.id === id)?.name ?? id;
  const fields: ConflictField<Values>[] = [
    {
      key: "category",
      label: t("problemProfile.category"),
      text: (v) => (v.problemCategory ? t(`enums.problemCategory.${v.problemCategory}`) : NO_VALUE),
    },
    {
      key: "causes",
      label: t("problemProfile.causes"),
      text: (v) => (v.causeIds?.length ? v.causeIds.map(causeName).join("、") : NO_VALUE),
    },
    { key: "statement", label: t("problemProfile.statement"), text: (v) => v.problemStatement || NO_VALUE },
  ];
  const { base, handleConflict, conflictModal } = useEditConflict({
    record: profile,
    schema: ProjectProblemSchema,
    form,
    toValues,
    fields,
  });

  const onProject = new Set(base?.causes.map((c) => c.id));
  const causeOptions = (causes ?? [])
    .filter((c) => c.active || onProject.has(c.id))
    .map((c) => ({
      value: c.id,
      label: c.active ? c.name : t("problemProfile.retiredCause", { name: c.name }),
    }));
  // A cause on the project that the list did not bring (it failed to load): still shown by name.
  for (const c of base?.causes ?? [])
    if (!causeOptions.some((o) => o.value === c.id)) causeOptions.push({ value: c.id, label: c.name });

  const submit = (values: Values) => {
    if (!base) return;
    save.mutate(
      {
        problemCategory: values.problemCategory,
        causeIds: values.causeIds ?? [],
        problemStatement: values.problemStatement?.trim() || null,
        version: base.version,
      },
      {
        onSuccess: () => {
          void message.success(t("problemProfile.saved"));
          onClose();
        },
        onError: (error) => {
          if (handleConflict(error)) return;
          const placed = applyFieldErrors(form, error, t, ({ field }) =>
            field === "causeIds" ? t("problemProfile.causesInvalid") : undefined,
          );
          if (!placed) void message.error(actionErrorMessage(t, error));
        },
      },
    );
  };

  return (
    <>
      <FormModal<Values>
        name="problem-profile-form"
        title={t("problemProfile.editTitle", { name: projectName })}
        form={form}
        initialValues={toValues(profile)}
        saving={save.isPending}
        onSubmit={submit}
        onCancel={onClose}
      >
        <Form.Item label={t("problemProfile.category")} name="problemCategory" extra={t("problemProfile.categoryHint")}>
          <Radio.Group
            optionType="button"
            options={ProblemCategorySchema.options.map((c) => ({ value: c, label: t(`enums.problemCategory.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t("problemProfile.causes")}
          name="causeIds"
          rules={[{ type: "array", max: MAX_CAUSES, message: t("problemProfile.tooManyCauses", { max: MAX_CAUSES }) }]}
        >
          <Select<string[]>
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={!causes}
            options={causeOptions}
            placeholder={t("problemProfile.causesPlaceholder")}
          />
        </Form.Item>
        <Form.Item label={t("problemProfile.statement")} name="problemStatement" rules={[statementLimit.rule]}>
          <Input.TextArea
            rows={4}
            count={statementLimit.count}
            placeholder={t("problemProfile.statementPlaceholder")}
          />
        </Form.Item>
      </FormModal>
      {conflictModal}
    </>
  );
}
