import type { AuditEvent, AuditQuery } from "@resettle/domain";
import { Table, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { formatDateTime } from "../../../lib/format";
import { isKnownAction, statusOfAction } from "../lib/audit-labels";
import { AuditDiffView } from "./audit-diff-view";

type Props = {
  events: AuditEvent[];
  total: number;
  /** Only the paging is the table's: filters stay with whoever asked for the events. */
  query: Pick<AuditQuery, "page" | "pageSize">;
  loading: boolean;
  onChange: (patch: Pick<AuditQuery, "page" | "pageSize">) => void;
  /** The object an event is about: its type and a name or link where one is known. */
  renderEntity: (event: AuditEvent) => ReactNode;
  formatValue: (field: string, value: unknown) => string;
  /** What the table lists, for screen readers; the whole trail unless told. */
  caption?: string;
};

export function AuditTable({ events, total, query, loading, onChange, renderEntity, formatValue, caption }: Props) {
  const { t } = useTranslation();
  const actionLabel = (action: string) => {
    if (isKnownAction(action)) return t(`audit.actions.${action}`);
    const status = statusOfAction(action);
    return status ? t("audit.statusAction", { status: t(`enums.workStatus.${status}`) }) : action;
  };
  const columns: TableColumnsType<AuditEvent> = [
    { key: "at", title: t("audit.columns.at"), width: 180, render: (_, e) => formatDateTime(e.at) },
    { key: "actor", title: t("audit.columns.actor"), render: (_, e) => e.actorName },
    {
      key: "action",
      title: t("audit.columns.action"),
      render: (_, e) => actionLabel(e.action),
    },
    { key: "entity", title: t("audit.columns.entity"), render: (_, e) => renderEntity(e) },
  ];

  return (
    <Table<AuditEvent>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={events}
      loading={loading}
      // Newest first, always: the API sorts by time alone, the table only pages.
      onChange={onServerPageChange<AuditEvent>(query, onChange)}
      caption={<span className="sr-only">{caption ?? t("audit.caption")}</span>}
      expandable={{
        expandedRowRender: (e) => <AuditDiffView event={e} formatValue={formatValue} />,
        rowExpandable: (e) => e.before !== null || e.after !== null,
      }}
      pagination={serverPagination(query, total, (count) => t("audit.count", { count }))}
      scroll={{ x: true }}
    />
  );
}
