import { AuditEntityTypeSchema, type AuditEntityType, type AuditQuery } from "@resettle/domain";
import { Button, DatePicker, Form, Input, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { AuditActor } from "../api/audit.queries";
import { KNOWN_ACTIONS } from "../lib/audit-labels";

type Props = {
  query: AuditQuery;
  actors: AuditActor[] | undefined;
  onChange: (patch: Partial<AuditQuery>) => void;
  onReset: () => void;
};

const DAY = "YYYY-MM-DD";

export function AuditFilters({ query, actors, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditQuery>) => onChange({ ...patch, page: 1 });

  return (
    <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("common.filters")}>
      <Form.Item label={t("audit.filters.entityType")} htmlFor="audit-filter-type">
        <Select
          id="audit-filter-type"
          allowClear
          placeholder={t("common.all")}
          style={{ width: 150 }}
          value={query.entityType}
          options={AuditEntityTypeSchema.options.map((type) => ({
            value: type,
            label: t(`enums.auditEntityType.${type}`),
          }))}
          // Another type of record: an id of the old type names nothing.
          onChange={(entityType?: AuditEntityType) => set({ entityType, entityId: undefined })}
        />
      </Form.Item>
      <Form.Item label={t("audit.filters.entityId")} htmlFor="audit-filter-entity">
        <Input.Search
          id="audit-filter-entity"
          key={query.entityId ?? ""}
          defaultValue={query.entityId}
          allowClear
          placeholder={t("audit.filters.entityIdPlaceholder")}
          onSearch={(value) => set({ entityId: value.trim() || undefined })}
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item label={t("audit.filters.actor")} htmlFor="audit-filter-actor">
        <Select
          id="audit-filter-actor"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("common.all")}
          style={{ width: 160 }}
          loading={!actors}
          value={query.actorId}
          options={actors?.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(actorId?: string) => set({ actorId })}
        />
      </Form.Item>
      <Form.Item label={t("audit.filters.action")} htmlFor="audit-filter-action">
        <Select
          id="audit-filter-action"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("common.all")}
          style={{ width: 160 }}
          value={query.action}
          options={KNOWN_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
          onChange={(action?: string) => set({ action })}
        />
      </Form.Item>
      <Form.Item label={t("audit.filters.dateRange")} htmlFor="audit-filter-dates">
        <DatePicker.RangePicker
          id={{ start: "audit-filter-dates" }}
          allowEmpty={[true, true]}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(dates) =>
            set({ from: dates?.[0]?.format(DAY) ?? undefined, to: dates?.[1]?.format(DAY) ?? undefined })
          }
          placeholder={[t("audit.filters.from"), t("audit.filters.to")]}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}
