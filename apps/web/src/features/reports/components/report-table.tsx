import type { ReactNode } from "react";

/**
 * A table of a printed report (工作简报, 研判材料): a header row and rows of cells. With `widths`
 * (each column's share of the page, as the .docx sets them) its columns are fixed; `centred`
 * columns hold figures.
 */
export function ReportTable({
  label,
  head,
  rows,
  widths,
  centred = [],
}: {
  label: string;
  head: string[];
  rows: ReactNode[][];
  widths?: number[];
  centred?: number[];
}) {
  return (
    <table className={widths ? "report-table report-table-fixed" : "report-table"} aria-label={label}>
      {widths && (
        <colgroup>
          {widths.map((width, i) => (
            <col key={i} style={{ width: `${width}%` }} />
          ))}
        </colgroup>
      )}
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c} className={centred.includes(c) ? "report-figure" : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
