import type { ColumnType } from "antd/es/table";
import type { ReactNode } from "react";
import { CellText } from "./cell-text";

type Base<T> = Omit<ColumnType<T>, "render" | "dataIndex"> & { key: string; title: ReactNode };

/**
 * Long free text (reasons, notes, titles, findings): wraps to at most `lines` lines with an
 * ellipsis and the whole text on hover, never narrower than `minWidth`. Not antd's own
 * `ellipsis`: it switches the whole table to a fixed layout, which squeezes every other
 * column to an equal share (ADR 011).
 */
export function textColumn<T>({
  text,
  lines,
  minWidth,
  maxWidth,
  after,
  ...column
}: Base<T> & {
  text: (row: T) => string | null | undefined;
  lines?: number;
  minWidth?: number;
  maxWidth?: number;
  /** Shown after the text in the same cell (a tag, a note). */
  after?: (row: T) => ReactNode;
}): ColumnType<T> {
  return {
    ...column,
    render: (_, row) => (
      <>
        <CellText text={text(row)} lines={lines} minWidth={minWidth} maxWidth={maxWidth} />
        {after?.(row)}
      </>
    ),
  };
}

/** Figures: right-aligned, header and cells on one line. */
export function numberColumn<T>({ render, ...column }: Base<T> & { render: (row: T) => ReactNode }): ColumnType<T> {
  return { align: "right", ...column, className: nowrap(column.className), render: (_, row) => render(row) };
}

/** Dates and times: on one line, never broken between day and month. */
export function dateColumn<T>({ render, ...column }: Base<T> & { render: (row: T) => ReactNode }): ColumnType<T> {
  return { ...column, className: nowrap(column.className), render: (_, row) => render(row) };
}

const nowrap = (className: string | undefined) => (className ? `${className} cell-nowrap` : "cell-nowrap");
