import {
  TicketStatusSchema,
  UtilityKindSchema,
  type TicketStatus,
  type UtilityKind,
  type UtilityTicket,
  type UtilityTicketQuery,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { QueryView } from "../../../components/ui/query-view";
import { ticketsQueries } from "../api/tickets.queries";
import { MoveTicketDialog } from "./move-ticket-dialog";
import { RecordTicketDialog } from "./record-ticket-dialog";
import { TicketTable } from "./ticket-table";

export type TicketListQuery = Partial<Omit<UtilityTicketQuery, "page" | "pageSize">> & {
  page: number;
  pageSize: number;
};

type Props = {
  query: TicketListQuery;
  onChange: (patch: Partial<TicketListQuery>) => void;
  /** The table's name for screen readers and tests. */
  label: string;
  /** A project's own list: no project column, new tickets for this project. */
  projectId?: string;
  /** Whether the kind / status / overdue filters show (not in a short embedded list). */
  filters?: boolean;
  /** Whether 登记问题 shows (everyone may record one; not in My work). */
  canRecord?: boolean;
};

/** 水电暖问题: filters, the table a page at a time from the server, and the dialogs to record and move. */
export function TicketList({ query, onChange, label, projectId, filters = true, canRecord = true }: Props) {
  const { t } = useTranslation();
  const list = useQuery(ticketsQueries.list({ ...query, ...(projectId ? { projectId } : {}) }));
  const [recording, setRecording] = useState(false);
  const [moving, setMoving] = useState<UtilityTicket | null>(null);
  return (
    <section aria-label={label}>
      {(filters || canRecord) && (
        <Space wrap className="table-toolbar">
          {filters && (
            <>
              <Select<UtilityKind>
                allowClear
                aria-label={t("tickets.kind")}
                placeholder={t("tickets.allKinds")}
                style={{ minWidth: 120 }}
                value={query.kind}
                onChange={(kind) => onChange({ kind, page: 1 })}
                options={UtilityKindSchema.options.map((k) => ({ value: k, label: t(`tickets.kinds.${k}`) }))}
              />
              <Select<TicketStatus>
                allowClear
                aria-label={t("tickets.status")}
                placeholder={t("tickets.allStatuses")}
                style={{ minWidth: 120 }}
                value={query.status}
                onChange={(status) => onChange({ status, page: 1 })}
                options={TicketStatusSchema.options.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
              />
              <Switch
                checked={query.overdue === true}
                aria-label={t("tickets.overdueOnly")}
                onChange={(on) => onChange({ overdue: on ? true : undefined, page: 1 })}
              />
              <span>{t("tickets.overdueOnly")}</span>
            </>
          )}
          {canRecord && (
            <Button type="primary" onClick={() => setRecording(true)}>
              {t("tickets.record")}
            </Button>
          )}
          {/* A project's own list (the tickets page exports from its heading). */}
          {projectId && <ExportButton path="/utility-tickets/export" params={{ ...query, projectId }} what={label} />}
        </Space>
      )}
      <QueryView query={list} skeletonRows={5}>
        {(page) => (
          <TicketTable
            page={page}
            loading={list.isFetching}
            hideProject={!!projectId}
            label={label}
            onPage={(p, pageSize) => onChange({ page: pageSize === query.pageSize ? p : 1, pageSize })}
            onMove={setMoving}
          />
        )}
      </QueryView>
      {recording && <RecordTicketDialog projectId={projectId} onClose={() => setRecording(false)} />}
      {moving && <MoveTicketDialog ticket={moving} onClose={() => setMoving(null)} />}
    </section>
  );
}

/** A list whose filters live in the component (a project's tab, My work). */
export function LocalTicketList(props: Omit<Props, "query" | "onChange"> & { initial?: Partial<TicketListQuery> }) {
  const [query, setQuery] = useState<TicketListQuery>({ page: 1, pageSize: 10, ...props.initial });
  return <TicketList {...props} query={query} onChange={(patch) => setQuery((q) => ({ ...q, ...patch }))} />;
}
