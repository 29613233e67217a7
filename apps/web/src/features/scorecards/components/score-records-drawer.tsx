import type { ScorecardQuery, ScoreRecord } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Drawer, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButton } from "../../../components/ui/export-button";
import { QueryView } from "../../../components/ui/query-view";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { dateColumn, numberColumn } from "../../../components/ui/table-columns";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { scorecardsQueries } from "../api/scorecards.queries";
import type { RecordPart } from "./ranking-table";

type Props = {
  query: Pick<ScorecardQuery, "period" | "kind">;
  unit: { id: string; name: string };
  part: RecordPart;
  onClose: () => void;
};

/** The records behind one part of one unit's score, the latest first, a page at a time from the server. */
export function ScoreRecordsDrawer({ query, unit, part, onClose }: Props) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const records = useQuery(scorecardsQueries.records({ ...query, id: unit.id, part, ...paging }));
  const title = t("scorecards.records.title", { name: unit.name, part: t(`scorecards.recordParts.${part}`) });
  const cooperation = part === "cooperation";

  const columns: TableColumnsType<ScoreRecord> = [
    {
      key: "label",
      title: t("scorecards.records.label"),
      className: "score-record-label",
      render: (_, r) => (
        <>
          <Link to={r.link}>{r.label}</Link>
          <div className="score-hint">{t(`scorecards.records.types.${r.type}`)}</div>
        </>
      ),
    },
    {
      key: "project",
      title: t("scorecards.records.project"),
      render: (_, r) => (r.projectId ? <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link> : NO_VALUE),
    },
    dateColumn({ key: "due", title: t("scorecards.records.dueDate"), render: (r) => formatDate(r.dueDate) }),
    // 配合事项: the day the department first wrote on it, or that it wrote nothing; no lateness.
    cooperation
      ? dateColumn({
          key: "done",
          title: t("scorecards.records.respondedOn"),
          render: (r) => (r.doneOn ? formatDate(r.doneOn) : t("scorecards.records.notResponded")),
        })
      : dateColumn({
          key: "done",
          title: t("scorecards.records.doneOn"),
          render: (r) => (r.doneOn ? formatDate(r.doneOn) : t("scorecards.records.notDone")),
        }),
  ];
  if (!cooperation)
    columns.push(
      numberColumn({
        key: "daysLate",
        title: t("scorecards.records.daysLate"),
        render: (r) =>
          r.daysLate > 0 ? (
            <span className="score-late">{t("scorecards.records.days", { count: r.daysLate })}</span>
          ) : (
            t("scorecards.records.onTime")
          ),
      }),
    );

  return (
    <Drawer
      open
      width={760}
      title={title}
      onClose={onClose}
      extra={<ExportButton path="/scorecards/records/export" params={{ ...query, id: unit.id, part }} />}
    >
      <QueryView query={records} skeletonRows={5}>
        {(page) => (
          <Table<ScoreRecord>
            rowKey={(r) => `${r.type}:${r.id}`}
            size="small"
            aria-label={title}
            columns={columns}
            dataSource={page.items}
            loading={records.isFetching}
            scroll={{ x: "max-content" }}
            pagination={serverPagination(page, page.total, (n) => t("scorecards.records.total", { count: n }))}
            onChange={onServerPageChange<ScoreRecord>(paging, setPaging)}
            locale={{ emptyText: t("scorecards.records.empty") }}
          />
        )}
      </QueryView>
    </Drawer>
  );
}
