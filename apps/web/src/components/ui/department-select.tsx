import type { Department } from "@resettle/domain";
import { Select, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import { groupDepartmentOptions } from "../../lib/department-options";

type Props = Omit<SelectProps<string>, "options" | "loading"> & { departments: Department[] | undefined };

/** Departments grouped as the plan lists them, searchable by name. */
export function DepartmentSelect({ departments, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Select<string>
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: "label" }}
      {...props}
      loading={!departments}
      options={groupDepartmentOptions(departments ?? [], (kind) => t(`enums.departmentKind.${kind}`))}
    />
  );
}
