import type { TablePaginationConfig, TableProps } from "antd";
import type { SortOrder } from "antd/es/table/interface";

type Paged = { page: number; pageSize: number };
type Sorted<F extends string> = Paged & { sort: F; order: "asc" | "desc" };

export const PAGE_SIZES = [10, 20, 50, 100];

/** A column the server sorts by; the table only shows which one it sorted by. */
export function sortableColumn<F extends string>(query: Sorted<F>, field: F) {
  return {
    key: field,
    sorter: true,
    sortOrder: (query.sort === field ? (query.order === "asc" ? "ascend" : "descend") : null) as SortOrder,
  };
}

export function serverPagination(query: Paged, total: number, showTotal: (count: number) => string) {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal,
  } satisfies TablePaginationConfig;
}

/** The page the table asks for; a new page size starts again at the first page. */
function pageOf(query: Paged, pagination: TablePaginationConfig): Paged {
  const pageSize = pagination.pageSize ?? query.pageSize;
  return { page: pageSize === query.pageSize ? (pagination.current ?? 1) : 1, pageSize };
}

/** Turns the table's paging events into changes of the list query (kept in the URL). */
export function onServerPageChange<T>(
  query: Paged,
  onChange: (patch: Paged) => void,
): NonNullable<TableProps<T>["onChange"]> {
  return (pagination, _filters, _sorter, { action }) => {
    if (action === "paginate") onChange(pageOf(query, pagination));
  };
}

/** Turns the table's sort and paging events into changes of the list query (kept in the URL). */
export function onServerTableChange<T, F extends string>(
  query: Sorted<F>,
  defaultSort: F,
  onChange: (patch: Partial<Sorted<F>>) => void,
): NonNullable<TableProps<T>["onChange"]> {
  return (pagination, _filters, sorter, { action }) => {
    if (action === "sort" && !Array.isArray(sorter)) {
      const sort = sorter.order ? (sorter.columnKey as F) : defaultSort;
      onChange({ sort, order: sorter.order === "descend" ? "desc" : "asc", page: 1 });
    } else if (action === "paginate") {
      onChange(pageOf(query, pagination));
    }
  };
}
