import { TEXT_MAX, type Department } from "@resettle/domain";
import { Button, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import type { PersonPageQuery } from "../lib/person-list-query";

type Props = {
  query: PersonPageQuery;
  departments: Department[] | undefined;
  onChange: (patch: Partial<PersonPageQuery>) => void;
  onReset: () => void;
};

export function PersonFilters({ query, departments, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<PersonPageQuery>) => onChange({ ...patch, page: 1 });
  const active = query.active === undefined ? undefined : String(query.active);

  return (
    <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("common.filters")}>
      <Form.Item label={t("admin.persons.filters.q")} htmlFor="person-filter-q">
        <Input.Search
          id="person-filter-q"
          key={query.q ?? ""}
          defaultValue={query.q}
          allowClear
          placeholder={t("admin.persons.filters.qPlaceholder")}
          // Longer than the server takes: the box turns red and nothing is searched.
          count={{ max: TEXT_MAX.name }}
          onSearch={(q) => q.trim().length <= TEXT_MAX.name && set({ q: q.trim() || undefined })}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item label={t("admin.persons.filters.department")} htmlFor="person-filter-department">
        <DepartmentSelect
          id="person-filter-department"
          allowClear
          placeholder={t("common.all")}
          style={{ width: 240 }}
          departments={departments}
          value={query.departmentId}
          onChange={(departmentId?: string) => set({ departmentId })}
        />
      </Form.Item>
      <Form.Item label={t("admin.persons.filters.active")} htmlFor="person-filter-active">
        <Select
          id="person-filter-active"
          allowClear
          placeholder={t("common.all")}
          style={{ width: 140 }}
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
