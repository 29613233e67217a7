import type { AuditEvent } from "@resettle/domain";
import { Button, Table, Tag, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { diffAuditRecords, type DiffRow } from "../lib/audit-diff";
import { isKnownField } from "../lib/audit-labels";

type Props = {
  event: AuditEvent;
  /** A field's value in words (names for ids, labels for codes). */
  formatValue: (field: string, value: unknown) => string;
};

/** An audit event's before and after, one row per field; unchanged fields on request. */
export function AuditDiffView({ event, formatValue }: Props) {
  const { t } = useTranslation();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffAuditRecords(event.before, event.after);
  const changes = rows.filter((row) => row.kind !== "unchanged");
  const unchanged = rows.length - changes.length;

  if (rows.length === 0) return <p className="audit-diff-empty">{t("audit.diff.noRecord")}</p>;

  const cell = (row: DiffRow, side: "before" | "after") => {
    const missing = side === "before" ? row.kind === "added" : row.kind === "removed";
    return missing ? <span className="audit-diff-missing">—</span> : formatValue(row.field, row[side]);
  };
  const columns: TableColumnsType<DiffRow> = [
    {
      key: "field",
      title: t("audit.diff.field"),
      width: "22%",
      render: (_, row) => (
        <>
          {isKnownField(row.field) ? t(`audit.fields.${row.field}`) : row.field}
          {(row.kind === "added" || row.kind === "removed") && (
            <Tag className="audit-diff-tag" color={row.kind === "added" ? "green" : "red"}>
              {t(`audit.diff.${row.kind}`)}
            </Tag>
          )}
        </>
      ),
    },
    { key: "before", title: t("audit.diff.before"), render: (_, row) => cell(row, "before") },
    { key: "after", title: t("audit.diff.after"), render: (_, row) => cell(row, "after") },
  ];

  return (
    <div className="audit-diff">
      {changes.length === 0 && <p className="audit-diff-empty">{t("audit.diff.noChanges")}</p>}
      {(changes.length > 0 || showUnchanged) && (
        <Table<DiffRow>
          size="small"
          rowKey="field"
          pagination={false}
          columns={columns}
          dataSource={showUnchanged ? rows : changes}
          rowClassName={(row) => `audit-diff-${row.kind}`}
          caption={<span className="sr-only">{t("audit.diff.caption")}</span>}
          scroll={{ x: true }}
        />
      )}
      {unchanged > 0 && (
        <Button
          type="link"
          size="small"
          className="no-print"
          onClick={() => setShowUnchanged((v) => !v)}
          aria-expanded={showUnchanged}
        >
          {showUnchanged ? t("audit.diff.hideUnchanged") : t("audit.diff.showUnchanged", { count: unchanged })}
        </Button>
      )}
    </div>
  );
}
