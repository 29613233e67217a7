import {
  ProblemCategorySchema,
  ProjectStatusSchema,
  type Department,
  type District,
  type ProjectListQuery,
} from "@resettle/domain";
import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { UpdateListQuery } from "../lib/use-project-list-query";
import { groupDepartmentOptions } from "../../../lib/department-options";

type Props = {
  query: ProjectListQuery;
  districts: District[] | undefined;
  departments: Department[] | undefined;
  onChange: UpdateListQuery;
  onReset: () => void;
};

export function ProjectFilters({ query, districts, departments, onChange, onReset }: Props) {
  const { t } = useTranslation();
  // A new filter shows its first page: page 3 of the old result may not exist.
  const set = (patch: Partial<ProjectListQuery>) => onChange({ ...patch, page: 1 });
  const common = { allowClear: true, placeholder: t("projects.filters.all"), style: { width: 168 } };

  return (
    <Form layout="inline" className="project-filters no-print" aria-label={t("projects.filters.label")} role="search">
      <Form.Item label={t("projects.filters.district")} htmlFor="filter-district">
        <Select
          {...common}
          id="filter-district"
          value={query.districtId}
          loading={!districts}
          options={districts?.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(districtId?: string) => set({ districtId })}
        />
      </Form.Item>
      <Form.Item label={t("projects.filters.status")} htmlFor="filter-status">
        <Select
          {...common}
          id="filter-status"
          value={query.status}
          options={ProjectStatusSchema.options.map((s) => ({ value: s, label: t(`enums.projectStatus.${s}`) }))}
          onChange={(status?: ProjectListQuery["status"]) => set({ status })}
        />
      </Form.Item>
      <Form.Item label={t("projects.filters.problemCategory")} htmlFor="filter-problem">
        <Select
          {...common}
          id="filter-problem"
          value={query.problemCategory}
          options={ProblemCategorySchema.options.map((c) => ({ value: c, label: t(`enums.problemCategory.${c}`) }))}
          onChange={(problemCategory?: ProjectListQuery["problemCategory"]) => set({ problemCategory })}
        />
      </Form.Item>
      <Form.Item label={t("projects.filters.responsibleDepartment")} htmlFor="filter-department">
        <Select
          {...common}
          id="filter-department"
          style={{ width: 260 }}
          popupMatchSelectWidth={false}
          showSearch={{ optionFilterProp: "label" }}
          value={query.responsibleDepartmentId}
          loading={!departments}
          options={groupDepartmentOptions(departments ?? [], (kind) => t(`enums.departmentKind.${kind}`))}
          onChange={(responsibleDepartmentId?: string) => set({ responsibleDepartmentId })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}
