import { theme } from "antd";
import type { CSSProperties, Key, ReactNode } from "react";
import { TABLE_HEADER_BG } from "./table-header-bg";

export type ReadOnlyColumn<T> = {
  key: string;
  title: ReactNode;
  align?: "right";
  /** The column that names each row: its cells are the row's headers (`<th scope="row">`). */
  rowHeader?: boolean;
  render: (row: T) => ReactNode;
};

type Props<T> = {
  columns: ReadOnlyColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  /** What the table holds, for screen readers (the section's heading says it on screen). */
  caption: string;
  size?: "middle" | "small";
  bordered?: boolean;
};

/** antd Table's cell padding at each size, as the theme sets it (app/antd-provider.tsx). */
const PADDING = { middle: { block: 10, inline: 8 }, small: { block: 8, inline: 8 } } as const;

/**
 * A few rows of figures, to read: a semantic `<table>` (caption, `th` with scope) drawn in Ant
 * Design's colours, without antd's Table. A page that needs no sorting, paging or selection spares
 * its first load Table, Pagination, Select and Dropdown (about 100 kB gzip, issue 13).
 */
export function ReadOnlyTable<T>({ columns, rows, rowKey, caption, size = "middle", bordered = false }: Props<T>) {
  const { token } = theme.useToken();
  const style = {
    "--read-only-table-border": token.colorBorderSecondary,
    "--read-only-table-header-bg": TABLE_HEADER_BG,
    "--read-only-table-header-color": token.colorTextHeading,
    "--read-only-table-hover-bg": token.colorFillAlter,
    "--read-only-table-padding": `${PADDING[size].block}px ${PADDING[size].inline}px`,
    "--read-only-table-radius": `${token.borderRadiusLG}px`,
  } as CSSProperties;
  const alignOf = (column: ReadOnlyColumn<T>) => (column.align === "right" ? "read-only-table-right" : undefined);
  return (
    <div className="read-only-table-wrapper">
      <table className={`read-only-table${bordered ? " read-only-table-bordered" : ""}`} style={style}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={alignOf(column)}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={alignOf(column)}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} className={alignOf(column)}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
