import ExcelJS from "exceljs";
import type { z } from "zod";
import type { Access } from "./access.js";
import { AppError } from "./app-error.js";
import { contextOf, type ServiceContext } from "./context.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "./file-answer.js";
import { errors } from "./route-schemas.js";
import type { App, ModuleDeps } from "./types.js";

/** More rows than this is refused (narrow the filters), never cut to fit. */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 100;
/** Yuan with two decimals and thousands separators. */
export const MONEY_FORMAT = "#,##0.00";

type ExportColumn<T> = {
  header: string;
  width?: number;
  /** Excel's number format for the column (money: MONEY_FORMAT). */
  numFmt?: string;
  value: (row: T) => string | number | null;
};

type ExportSpec<Q extends z.ZodType, P extends z.ZodType, T> = {
  url: string;
  /** Whoever may read the list. */
  access: Exclude<Access, "public">;
  tags: string[];
  /** The list's querystring schema. */
  querystring: Q;
  /** The list's path parameters (`/api/projects/:id/…/export`), if it has any. */
  params?: P;
  /** The file's name (without .xlsx) and the sheet's. */
  title: string;
  /** A name for this request's file instead (the unit, the project it lists); the sheet keeps `title`. */
  fileTitle?: (ctx: ServiceContext, query: z.output<Q>, params: z.output<P>) => Promise<string>;
  columns: ExportColumn<T>[];
};

const tooMany = (total: number) =>
  AppError.invalid(
    "querystring",
    "too_big",
    `${total} rows: an export takes at most ${EXPORT_MAX_ROWS}; narrow the filters`,
    {
      maximum: EXPORT_MAX_ROWS,
    },
  );

/**
 * The route of an export: the list's query and parameters in, the workbook out. `rows` calls
 * `write` with every row, after `refuse` (which throws) when there are too many.
 */
function exportRoute<Q extends z.ZodType, P extends z.ZodType, T>(
  app: App,
  deps: ModuleDeps,
  spec: ExportSpec<Q, P, T>,
  rows: (ctx: ServiceContext, query: z.output<Q>, params: z.output<P>, write: (items: T[]) => void) => Promise<void>,
) {
  app.get(
    spec.url,
    {
      config: { access: spec.access },
      schema: {
        tags: spec.tags,
        summary: `The list as an .xlsx (${spec.title}): its filters and order, the columns shown, at most ${EXPORT_MAX_ROWS} rows`,
        querystring: spec.querystring,
        ...(spec.params ? { params: spec.params } : {}),
        response: { ...xlsxAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const query = request.query as z.output<Q>;
      const params = request.params as z.output<P>;
      const book = new ExcelJS.Workbook();
      book.creator = "回迁难问题督办平台";
      const sheet = book.addWorksheet(spec.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31), {
        views: [{ state: "frozen", ySplit: 1 }],
      });
      sheet.columns = spec.columns.map((c) => ({
        header: c.header,
        width: c.width ?? 14,
        ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      await rows(ctx, query, params, (items) => {
        for (const item of items) sheet.addRow(spec.columns.map((c) => c.value(item)));
      });
      const title = spec.fileTitle ? await spec.fileTitle(ctx, query, params) : spec.title;
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`${title}.xlsx`, "export.xlsx"))
        .send(Buffer.from(await book.xlsx.writeBuffer()));
    },
  );
}

/**
 * A list's sibling `/export` route: the same query as the list (its filters and order; page and
 * pageSize ignored), every row through the list's own service a page at a time, in the columns
 * the list shows with Chinese headers. The list's service applies the same permissions and
 * masking as on screen. More than EXPORT_MAX_ROWS rows is a 400 naming the limit.
 */
export function listExportRoute<Q extends z.ZodType, T, P extends z.ZodType = z.ZodObject>(
  app: App,
  deps: ModuleDeps,
  spec: ExportSpec<Q, P, T> & {
    list: (ctx: ServiceContext, query: z.output<Q>, params: z.output<P>) => Promise<{ items: T[]; total: number }>;
  },
) {
  exportRoute(app, deps, spec, async (ctx, query, params, write) => {
    const page = (n: number) =>
      spec.list(ctx, { ...(query as object), page: n, pageSize: PAGE } as z.output<Q>, params);
    const first = await page(1);
    if (first.total > EXPORT_MAX_ROWS) throw tooMany(first.total);
    write(first.items);
    for (let n = 2; (n - 1) * PAGE < first.total; n++) {
      const next = await page(n);
      write(next.items);
      if (next.items.length < PAGE) break;
    }
  });
}

/**
 * The same for a list that is not paged (the screen shows it whole): its rows through its own
 * service, the same limit, the same answer.
 */
export function wholeListExportRoute<Q extends z.ZodType, T, P extends z.ZodType = z.ZodObject>(
  app: App,
  deps: ModuleDeps,
  spec: ExportSpec<Q, P, T> & {
    list: (ctx: ServiceContext, query: z.output<Q>, params: z.output<P>) => Promise<T[]>;
  },
) {
  exportRoute(app, deps, spec, async (ctx, query, params, write) => {
    const items = await spec.list(ctx, query, params);
    if (items.length > EXPORT_MAX_ROWS) throw tooMany(items.length);
    write(items);
  });
}

/** An instant as people in China write it: 2026-11-25 10:00. */
export const chinaDateTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ") : "";
