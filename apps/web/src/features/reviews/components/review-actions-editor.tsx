import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Department, Person } from "@resettle/domain";
import { Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { REVIEW_LIMITS } from "../lib/review-form";
import "../reviews.css";

type Props = {
  /** The reviewed project's index in the form's list. */
  projectIndex: number;
  projectName: string;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
};

/** 后续工作: a small editable table of follow-up actions, each a future rectification item. */
export function ReviewActionsEditor({ projectIndex, projectName, departments, persons }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const columns = [
    t("reviews.form.actionTitle"),
    t("reviews.form.actionDepartment"),
    t("reviews.form.actionPerson"),
    t("reviews.form.actionDueDate"),
  ];
  const label = (index: number, column: number) =>
    t("reviews.form.actionFieldLabel", { project: projectName, index: index + 1, field: columns[column] });

  return (
    <Form.List name={[projectIndex, "actions"]}>
      {(fields, { add, remove }) => (
        <div className="review-actions">
          {fields.length > 0 && (
            <div className="review-action-row review-action-head" aria-hidden>
              <span>{t("reviews.minutes.columns.index")}</span>
              {columns.map((c) => (
                <span key={c}>{c}</span>
              ))}
              <span />
            </div>
          )}
          {fields.map((field, index) => (
            <ActionRow
              key={field.key}
              index={index}
              name={field.name}
              path={["projects", projectIndex, "actions", field.name]}
              label={(column) => label(index, column)}
              departments={departments}
              persons={persons}
              onDepartmentChange={() =>
                form.setFieldValue(["projects", projectIndex, "actions", field.name, "personId"], null)
              }
              onRemove={() => remove(field.name)}
            />
          ))}
          {fields.length < REVIEW_LIMITS.actions && (
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ personId: null })}>
              {t("reviews.form.addAction")}
              <span className="sr-only">{` ${projectName}`}</span>
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

type RowProps = {
  index: number;
  name: number;
  /** The row's full path in the form, to watch its department. */
  path: (string | number)[];
  label: (column: number) => string;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  onDepartmentChange: () => void;
  onRemove: () => void;
};

function ActionRow({ index, name, path, label, departments, persons, onDepartmentChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const titleLimit = textLimit(t, REVIEW_LIMITS.actionTitle);
  const departmentId = Form.useWatch<string | undefined>([...path, "departmentId"]);
  const options = (persons ?? [])
    .filter((p) => p.active && p.departmentId === departmentId)
    .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));

  return (
    <div className="review-action-row">
      <span className="review-action-index">{index + 1}</span>
      <Form.Item name={[name, "title"]} rules={[requiredRule(t, t("reviews.form.titleRequired")), titleLimit.rule]}>
        <Input aria-label={label(0)} count={titleLimit.count} placeholder={t("reviews.form.actionTitlePlaceholder")} />
      </Form.Item>
      <Form.Item
        name={[name, "departmentId"]}
        rules={[{ required: true, message: t("reviews.form.departmentRequired") }]}
      >
        <DepartmentSelect aria-label={label(1)} departments={departments} onChange={onDepartmentChange} />
      </Form.Item>
      <Form.Item name={[name, "personId"]}>
        <Select
          aria-label={label(2)}
          allowClear
          disabled={!departmentId}
          loading={!persons}
          options={options}
          placeholder={t("reviews.form.personNone")}
          notFoundContent={t("reviews.form.noDepartmentPersons")}
        />
      </Form.Item>
      <Form.Item
        name={[name, "dueDate"]}
        rules={[
          { required: true, message: t("reviews.form.dueDateRequired") },
          ({ getFieldValue }) => ({
            validator: async (_, due: Dayjs | null | undefined) => {
              const heldOn = getFieldValue("heldOn") as Dayjs | null | undefined;
              if (due && heldOn && due.isBefore(heldOn, "day")) throw new Error(t("reviews.form.dueBeforeMeeting"));
            },
          }),
        ]}
        dependencies={["heldOn"]}
      >
        <DatePicker aria-label={label(3)} className="full-width" />
      </Form.Item>
      <Button type="text" danger icon={<DeleteOutlined aria-hidden />} onClick={onRemove}>
        {t("reviews.form.removeAction")}
        <span className="sr-only">{` ${label(0)}`}</span>
      </Button>
    </div>
  );
}
