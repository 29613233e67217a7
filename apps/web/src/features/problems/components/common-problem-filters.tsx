import { CommonProblemStatusSchema, type District, type NamedRef } from "@resettle/domain";

type CommonProblemStatus = (typeof CommonProblemStatusSchema.options)[number];
import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { CommonProblemPageQuery } from "../lib/common-problem-query";

type Props = {
  query: CommonProblemPageQuery;
  districts: District[] | undefined;
  projects: NamedRef[] | undefined;
  onChange: (patch: Partial<CommonProblemPageQuery>) => void;
  onReset: () => void;
};

export function CommonProblemFilters({ query, districts, projects, onChange, onReset }: Props) {
  const { t } = useTranslation();
  // A new filter shows its first page: page 3 of the old result may not exist.
  const set = (patch: Partial<CommonProblemPageQuery>) => onChange({ ...patch, page: 1 });
  const common = { allowClear: true, placeholder: t("common.all"), style: { width: 168 } };

  return (
    <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("common.filters")}>
      <Form.Item label={t("commonProblems.filters.district")} htmlFor="common-problem-filter-district">
        <Select
          {...common}
          id="common-problem-filter-district"
          value={query.districtId}
          loading={!districts}
          options={districts?.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(districtId?: string) => set({ districtId })}
        />
      </Form.Item>
      <Form.Item label={t("commonProblems.filters.status")} htmlFor="common-problem-filter-status">
        <Select
          {...common}
          id="common-problem-filter-status"
          value={query.status}
          options={CommonProblemStatusSchema.options.map((s) => ({ value: s, label: t(`enums.workStatus.${s}`) }))}
          onChange={(status?: CommonProblemStatus) => set({ status })}
        />
      </Form.Item>
      <Form.Item label={t("commonProblems.filters.project")} htmlFor="common-problem-filter-project">
        <Select
          {...common}
          id="common-problem-filter-project"
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: "label" }}
          popupMatchSelectWidth={false}
          value={query.projectId}
          loading={!projects}
          options={projects?.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(projectId?: string) => set({ projectId })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}
