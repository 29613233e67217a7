import {
  can,
  HOUSEHOLD_BULK_MAX,
  HOUSEHOLD_STATES,
  type District,
  type HouseholdListItem,
  type HouseholdListQuery,
  type HouseholdState,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Select, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../../../components/ui/query-view";
import { onServerTableChange, serverPagination, sortableColumn } from "../../../components/ui/server-table";
import { ExportButton } from "../../../components/ui/export-button";
import { useSessionUser } from "../../auth";
import { householdsQueries } from "../api/households.queries";
import { BulkTransitionDialog } from "./bulk-transition-dialog";
import { householdColumns } from "./household-columns";
import { HouseholdHistoryDrawer } from "./household-history-drawer";

type Props = {
  query: HouseholdListQuery;
  onChange: (patch: Partial<HouseholdListQuery>) => void;
  onReset: () => void;
  districts: District[] | undefined;
  /** The projects to choose from (the page searches them on the server as the user types). */
  projects: { value: string; label: string }[] | undefined;
  onProjectSearch: (text: string) => void;
};

/**
 * 回迁户名册: every project's households, by district, project, state and search, a page at a
 * time from the server; exported to Excel as filtered (masked); selected across pages and
 * moved together (批量变更状态) by those who keep the registries.
 */
export function HouseholdRoster({ query, onChange, onReset, districts, projects, onProjectSearch }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const list = useQuery(householdsQueries.roster(query));
  const canKeep = can(user, "progress.report");
  const [selected, setSelected] = useState<Map<string, HouseholdListItem>>(new Map());
  const [moving, setMoving] = useState(false);
  const [viewing, setViewing] = useState<HouseholdListItem | null>(null);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const tooMany = selected.size > HOUSEHOLD_BULK_MAX;

  const columns: TableColumnsType<HouseholdListItem> = [
    { key: "district", title: t("households.district"), className: "cell-nowrap", render: (_, h) => h.districtName },
    {
      key: "project",
      title: t("households.project"),
      className: "cell-nowrap",
      render: (_, h) => <Link to={`/projects/${h.projectId}?tab=households`}>{h.projectName}</Link>,
    },
    ...householdColumns<HouseholdListItem>(t, {
      onHistory: setViewing,
      sorters: { headName: sortableColumn(query, "headName"), stateOn: sortableColumn(query, "stateOn") },
    }),
  ];

  return (
    <section aria-label={t("households.roster.title")}>
      <Space wrap className="table-toolbar">
        <Select<string>
          allowClear
          aria-label={t("households.district")}
          placeholder={t("households.roster.allDistricts")}
          style={{ minWidth: 120 }}
          value={query.districtId}
          loading={!districts}
          onChange={(districtId) => onChange({ districtId, page: 1 })}
          options={districts?.map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select<string>
          allowClear
          showSearch={{ filterOption: false, onSearch: onProjectSearch }}
          aria-label={t("households.project")}
          placeholder={t("households.roster.allProjects")}
          style={{ minWidth: 200 }}
          value={query.projectId}
          loading={!projects}
          onChange={(projectId) => onChange({ projectId, page: 1 })}
          options={projects}
          notFoundContent={t("households.roster.noProject")}
        />
        <Select<HouseholdState>
          allowClear
          placeholder={t("households.allStates")}
          aria-label={t("households.state")}
          style={{ minWidth: 120 }}
          value={query.state}
          onChange={(state) => onChange({ state, page: 1 })}
          options={HOUSEHOLD_STATES.map((s) => ({ value: s, label: t(`households.states.${s}`) }))}
        />
        <Input.Search
          key={query.q ?? ""}
          allowClear
          defaultValue={query.q}
          aria-label={t("households.search")}
          placeholder={t("households.searchPlaceholder")}
          style={{ width: 260 }}
          onSearch={(q) => onChange({ q: q.trim() || undefined, page: 1 })}
        />
        <Button onClick={onReset}>{t("common.reset")}</Button>
        <ExportButton path="/households/export" params={filters} />
      </Space>
      {canKeep && (
        <Space wrap className="table-toolbar no-print">
          <Button type="primary" disabled={selected.size === 0 || tooMany} onClick={() => setMoving(true)}>
            {t("households.bulk.button")}
          </Button>
          <span role="status">{t("households.bulk.count", { count: selected.size })}</span>
          {selected.size > 0 && (
            <Button type="link" onClick={() => setSelected(new Map())}>
              {t("households.bulk.clear")}
            </Button>
          )}
        </Space>
      )}
      {tooMany && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t("households.bulk.tooMany", { max: HOUSEHOLD_BULK_MAX })}
        />
      )}
      <QueryView query={list} skeletonRows={8}>
        {(page) => (
          <Table<HouseholdListItem>
            rowKey="id"
            size="small"
            aria-label={t("households.roster.tableLabel")}
            columns={columns}
            dataSource={page.items}
            loading={list.isFetching}
            scroll={{ x: "max-content" }}
            rowSelection={
              canKeep
                ? {
                    preserveSelectedRowKeys: true,
                    selectedRowKeys: [...selected.keys()],
                    onChange: (keys, rows) =>
                      setSelected((current) => {
                        const next = new Map<string, HouseholdListItem>();
                        const onPage = new Map(rows.filter(Boolean).map((r) => [r.id, r]));
                        for (const key of keys) {
                          const id = String(key);
                          const row = onPage.get(id) ?? current.get(id);
                          if (row) next.set(id, row);
                        }
                        return next;
                      }),
                    getCheckboxProps: (h) => ({ "aria-label": t("households.bulk.select", { name: h.headName }) }),
                  }
                : undefined
            }
            pagination={serverPagination(page, page.total, (n) => t("households.total", { count: n }))}
            onChange={onServerTableChange<HouseholdListItem, HouseholdListQuery["sort"]>(query, "entered", onChange)}
            locale={{ emptyText: t("households.roster.empty") }}
          />
        )}
      </QueryView>
      {moving && (
        <BulkTransitionDialog
          households={[...selected.values()]}
          onDone={() => {
            setSelected(new Map());
            setMoving(false);
          }}
          onClose={() => setMoving(false)}
        />
      )}
      {viewing && <HouseholdHistoryDrawer household={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}
