import type { Department } from "@resettle/domain";
import { Select, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import { groupDepartmentOptions } from "../../lib/department-options";

type Props<V> = Omit<SelectProps<V>, "options" | "loading"> & { departments: Department[] | undefined };

/** Departments grouped as the plan lists them, searchable by name; one, or several with `mode="multiple"`. */
export function DepartmentSelect<V = string>({ departments, ...props }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Select<V>
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: "label" }}
      {...props}
      loading={!departments}
      options={groupDepartmentOptions(departments ?? [], (kind) => t(`enums.departmentKind.${kind}`))}
    />
  );
}
