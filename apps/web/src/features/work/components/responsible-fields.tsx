import type { Department, Person } from "@resettle/domain";
import { Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";

type Props = { departments: Department[] | undefined; persons: Person[] | undefined; departmentRequired: boolean };

/** The responsible department and, among its active persons, the responsible person. */
export function ResponsibleFields({ departments, persons, departmentRequired }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const departmentId = Form.useWatch<string | null | undefined>("responsibleDepartmentId", form);
  const options = (persons ?? [])
    .filter((p) => p.active && p.departmentId === departmentId)
    .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));
  return (
    <>
      <Form.Item
        label={t("work.form.department")}
        name="responsibleDepartmentId"
        rules={departmentRequired ? [{ required: true, message: t("work.form.departmentRequired") }] : []}
      >
        <DepartmentSelect
          departments={departments}
          allowClear={!departmentRequired}
          onChange={() => form.setFieldValue("responsiblePersonId", null)}
        />
      </Form.Item>
      <Form.Item label={t("work.form.person")} name="responsiblePersonId">
        <Select
          allowClear
          disabled={!departmentId}
          loading={!persons}
          options={options}
          placeholder={t("work.form.personNone")}
          notFoundContent={t("work.form.noPersons")}
        />
      </Form.Item>
    </>
  );
}
