import { can, HOUSEHOLD_STATES, type Household, type HouseholdState } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Select, Space, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { QueryView } from "../../../components/ui/query-view";
import { useSessionUser } from "../../auth";
import { householdsQueries, type HouseholdListQuery } from "../api/households.queries";
import { AddHouseholdDialog } from "./add-household-dialog";
import { HouseholdHistoryDrawer } from "./household-history-drawer";
import { HouseholdTable } from "./household-table";
import { ImportHouseholdsDialog } from "./import-households-dialog";
import { RevealDialog } from "./reveal-dialog";
import { TransitionDialog } from "./transition-dialog";

type Props = {
  projectId: string;
  /** Whether this user keeps the project's registry (its responsible department, its district government, the office). */
  canKeep: boolean;
  /** Households registered; 0 while the project has no registry. */
  registered: number;
  /** Households counted moved back from typed reports: then the registry starts by import. */
  movedBack: number;
  /** The plan's total households: a registry never holds more. */
  totalHouseholds: number;
};

/**
 * 回迁户台账 of a project: filter by state, search by name, address or the ID number's last
 * digits, a page at a time from the server; add a household, move one, and (administrators) read
 * one full ID number with a reason.
 */
export function HouseholdRegistry({ projectId, canKeep, registered, movedBack, totalHouseholds }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [query, setQuery] = useState<HouseholdListQuery>({ page: 1, pageSize: 20 });
  const list = useQuery(householdsQueries.list(projectId, query));
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [moving, setMoving] = useState<Household | null>(null);
  const [revealing, setRevealing] = useState<Household | null>(null);
  const [viewing, setViewing] = useState<Household | null>(null);
  const startsByImport = registered === 0 && movedBack > 0;
  // Offered only while there is room: the server refuses one more (registry_full) anyway.
  const full = registered >= totalHouseholds;
  const fullReason = full ? t("fieldReasons.registry_full", { maximum: totalHouseholds }) : undefined;

  return (
    <section aria-label={t("households.title")}>
      {registered === 0 && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={startsByImport ? t("households.noRegistryImport", { movedBack }) : t("households.noRegistry")}
        />
      )}
      {registered > 0 && <Alert type="info" showIcon className="form-alert" title={t("households.keepsFigure")} />}
      <Space wrap className="table-toolbar">
        <Select<HouseholdState>
          allowClear
          placeholder={t("households.allStates")}
          aria-label={t("households.state")}
          style={{ minWidth: 140 }}
          value={query.state}
          onChange={(state) => setQuery((q) => ({ ...q, state, page: 1 }))}
          options={HOUSEHOLD_STATES.map((s) => ({ value: s, label: t(`households.states.${s}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t("households.search")}
          placeholder={t("households.searchPlaceholder")}
          style={{ width: 280 }}
          onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim() || undefined, page: 1 }))}
        />
        {canKeep && !startsByImport && (
          <Tooltip title={fullReason}>
            <Button type="primary" disabled={full} onClick={() => setAdding(true)}>
              {t("households.add")}
            </Button>
          </Tooltip>
        )}
        {canKeep && (
          <Tooltip title={fullReason}>
            <Button disabled={full} onClick={() => setImporting(true)}>
              {t("households.import.button")}
            </Button>
          </Tooltip>
        )}
        {/* The roster's export for this project: the same households, masked, in the order entered. */}
        <ExportButton
          path="/households/export"
          params={{ projectId, state: query.state, q: query.q }}
          what={t("households.title")}
        />
      </Space>
      <QueryView query={list} skeletonRows={6}>
        {(page) => (
          <HouseholdTable
            page={page}
            loading={list.isFetching}
            canKeep={canKeep}
            canReveal={can(user, "households.reveal")}
            onPage={(p, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? p : 1, pageSize }))}
            onMove={setMoving}
            onReveal={setRevealing}
            onHistory={setViewing}
          />
        )}
      </QueryView>
      {importing && <ImportHouseholdsDialog projectId={projectId} onClose={() => setImporting(false)} />}
      {adding && <AddHouseholdDialog projectId={projectId} onClose={() => setAdding(false)} />}
      {moving && <TransitionDialog household={moving} onClose={() => setMoving(null)} />}
      {revealing && <RevealDialog household={revealing} onClose={() => setRevealing(null)} />}
      {viewing && <HouseholdHistoryDrawer household={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}
