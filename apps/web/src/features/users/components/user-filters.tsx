import { RoleSchema, TEXT_MAX, type Department, type UserListQuery } from "@resettle/domain";
import { Button, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";

type Props = {
  query: UserListQuery;
  departments: Department[] | undefined;
  onChange: (patch: Partial<UserListQuery>) => void;
  onReset: () => void;
};

export function UserFilters({ query, departments, onChange, onReset }: Props) {
  const { t } = useTranslation();
  // A new filter shows its first page: page 3 of the old result may not exist.
  const set = (patch: Partial<UserListQuery>) => onChange({ ...patch, page: 1 });
  const common = { allowClear: true, placeholder: t("common.all"), style: { width: 160 } };
  const active = query.active === undefined ? undefined : String(query.active);

  return (
    <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("common.filters")}>
      <Form.Item label={t("admin.users.filters.q")} htmlFor="user-filter-q">
        <Input.Search
          id="user-filter-q"
          key={query.q ?? ""}
          defaultValue={query.q}
          allowClear
          placeholder={t("admin.users.filters.qPlaceholder")}
          // Longer than the server takes: the box turns red and nothing is searched.
          count={{ max: TEXT_MAX.name }}
          onSearch={(q) => q.trim().length <= TEXT_MAX.name && set({ q: q.trim() || undefined })}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item label={t("admin.users.filters.role")} htmlFor="user-filter-role">
        <Select
          {...common}
          id="user-filter-role"
          value={query.role}
          options={RoleSchema.options.map((role) => ({ value: role, label: t(`enums.role.${role}`) }))}
          onChange={(role?: UserListQuery["role"]) => set({ role })}
        />
      </Form.Item>
      <Form.Item label={t("admin.users.filters.department")} htmlFor="user-filter-department">
        <DepartmentSelect
          {...common}
          id="user-filter-department"
          style={{ width: 240 }}
          departments={departments}
          value={query.departmentId}
          onChange={(departmentId?: string) => set({ departmentId })}
        />
      </Form.Item>
      <Form.Item label={t("admin.users.filters.active")} htmlFor="user-filter-active">
        <Select
          {...common}
          id="user-filter-active"
          value={active}
          options={[
            { value: "true", label: t("common.active") },
            { value: "false", label: t("common.inactive") },
          ]}
          onChange={(value?: string) => set({ active: value === undefined ? undefined : value === "true" })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}
