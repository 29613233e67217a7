import {
  LatenessSchema,
  MilestoneKindSchema,
  type Department,
  type District,
  type OverdueBoardQuery,
} from "@resettle/domain";
import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { groupDepartmentOptions } from "../../../lib/department-options";

type Props = {
  query: OverdueBoardQuery;
  districts: District[] | undefined;
  departments: Department[] | undefined;
  onChange: (patch: Partial<OverdueBoardQuery>) => void;
  onReset: () => void;
};

/** 全市待办's filters: district, responsible department, kind (and milestone kind), how late. */
export function OverdueBoardFilters({ query, districts, departments, onChange, onReset }: Props) {
  const { t } = useTranslation();
  // A new filter shows its first page: page 3 of the old result may not exist.
  const set = (patch: Partial<OverdueBoardQuery>) => onChange({ ...patch, page: 1 });
  const common = { allowClear: true, placeholder: t("common.all"), style: { width: 160 } };

  return (
    <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("board.filters.label")}>
      <Form.Item label={t("board.filters.district")} htmlFor="board-filter-district">
        <Select
          {...common}
          id="board-filter-district"
          value={query.districtId}
          loading={!districts}
          options={districts?.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(districtId?: string) => set({ districtId })}
        />
      </Form.Item>
      <Form.Item label={t("board.filters.department")} htmlFor="board-filter-department">
        <Select
          {...common}
          id="board-filter-department"
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          showSearch={{ optionFilterProp: "label" }}
          value={query.responsibleDepartmentId}
          loading={!departments}
          options={groupDepartmentOptions(departments ?? [], (kind) => t(`enums.departmentKind.${kind}`))}
          onChange={(responsibleDepartmentId?: string) => set({ responsibleDepartmentId })}
        />
      </Form.Item>
      <Form.Item label={t("board.filters.kind")} htmlFor="board-filter-kind">
        <Select
          {...common}
          id="board-filter-kind"
          value={query.kind}
          options={(["milestone", "item"] as const).map((kind) => ({ value: kind, label: t(`work.type.${kind}`) }))}
          // Items have no milestone kind: choosing items clears it.
          onChange={(kind?: OverdueBoardQuery["kind"]) =>
            set({ kind, ...(kind === "item" ? { milestoneKind: undefined } : {}) })
          }
        />
      </Form.Item>
      <Form.Item label={t("board.filters.milestoneKind")} htmlFor="board-filter-milestone-kind">
        <Select
          {...common}
          id="board-filter-milestone-kind"
          disabled={query.kind === "item"}
          value={query.milestoneKind}
          options={MilestoneKindSchema.options.map((k) => ({ value: k, label: t(`enums.milestoneKind.${k}`) }))}
          onChange={(milestoneKind?: OverdueBoardQuery["milestoneKind"]) => set({ milestoneKind })}
        />
      </Form.Item>
      <Form.Item label={t("board.filters.lateness")} htmlFor="board-filter-lateness">
        <Select
          {...common}
          id="board-filter-lateness"
          value={query.lateness}
          options={LatenessSchema.options.map((l) => ({ value: l, label: t(`board.lateness.${l}`) }))}
          onChange={(lateness?: OverdueBoardQuery["lateness"]) => set({ lateness })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}
