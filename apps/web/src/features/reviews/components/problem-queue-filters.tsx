import type { District, ProblemQueueQuery, WorkingGroup } from "@resettle/domain";
import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";

type Props = {
  query: ProblemQueueQuery;
  groups: WorkingGroup[] | undefined;
  districts: District[] | undefined;
  onChange: (patch: Partial<ProblemQueueQuery>) => void;
  onReset: () => void;
};

export function ProblemQueueFilters({ query, groups, districts, onChange, onReset }: Props) {
  const { t } = useTranslation();
  // A new filter shows its first page: page 3 of the old result may not exist.
  const set = (patch: Partial<ProblemQueueQuery>) => onChange({ ...patch, page: 1 });
  const common = { allowClear: true, placeholder: t("common.all") };

  return (
    <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("queue.filters.label")}>
      <Form.Item label={t("queue.filters.group")} htmlFor="queue-filter-group">
        <Select
          {...common}
          id="queue-filter-group"
          style={{ width: 280 }}
          popupMatchSelectWidth={false}
          value={query.groupId}
          loading={!groups}
          options={groups?.map((g) => ({ value: g.id, label: g.name }))}
          onChange={(groupId?: string) => set({ groupId })}
        />
      </Form.Item>
      <Form.Item label={t("queue.filters.district")} htmlFor="queue-filter-district">
        <Select
          {...common}
          id="queue-filter-district"
          style={{ width: 168 }}
          value={query.districtId}
          loading={!districts}
          options={districts?.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(districtId?: string) => set({ districtId })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}
