import {
  ProjectHealthFilterSchema,
  ProblemCategorySchema,
  ProjectStatusSchema,
  type Department,
  type District,
  type ProjectListQuery,
} from "@resettle/domain";
import { Button, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { HealthTag } from "../../../components/ui/health-tag";
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
      <Form.Item label={t("projects.filters.search")} htmlFor="filter-search">
        {/* Searched on the server when submitted (Enter or the button), not per keystroke. */}
        <Input.Search
          id="filter-search"
          key={query.q ?? ""}
          defaultValue={query.q}
          allowClear
          maxLength={100}
          placeholder={t("projects.filters.searchPlaceholder")}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          style={{ width: 260 }}
        />
      </Form.Item>
      <Form.Item label={t("projects.filters.health")} htmlFor="filter-health">
        <Select
          {...common}
          id="filter-health"
          style={{ width: 130 }}
          value={query.health}
          options={ProjectHealthFilterSchema.options.map((level) => ({
            value: level,
            label: <HealthTag level={level} />,
            title: t(`health.word.${level}`),
          }))}
          onChange={(health?: ProjectListQuery["health"]) => set({ health })}
        />
      </Form.Item>
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
