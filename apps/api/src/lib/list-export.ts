import ExcelJS from "exceljs";
import type { z } from "zod";
import type { Capability } from "@resettle/domain";
import { AppError } from "./app-error.js";
import { contextOf, type ServiceContext } from "./context.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "./file-answer.js";
import { errors } from "./route-schemas.js";
import type { App, ModuleDeps } from "./types.js";

/** More rows than this is refused (narrow the filters), never cut to fit. */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 100;

export type ExportColumn<T> = {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
};

/**
 * A list's sibling `/export` route: the same query as the list (its filters and order; page and
 * pageSize ignored), every row through the list's own service a page at a time, in the columns
 * the list shows with Chinese headers. The list's service applies the same permissions and
 * masking as on screen. More than EXPORT_MAX_ROWS rows is a 400 naming the limit.
 */
export function listExportRoute<Q extends z.ZodType, T>(
  app: App,
  deps: ModuleDeps,
  spec: {
    url: string;
    access: Capability;
    tags: string[];
    /** The list's querystring schema. */
    querystring: Q;
    /** The file's name (without .xlsx) and the sheet's. */
    title: string;
    columns: ExportColumn<T>[];
    list: (ctx: ServiceContext, query: z.output<Q>) => Promise<{ items: T[]; total: number }>;
  },
) {
  app.get(
    spec.url,
    {
      config: { access: spec.access },
      schema: {
        tags: spec.tags,
        summary: `The list as an .xlsx (${spec.title}): its filters and order, the columns shown, at most ${EXPORT_MAX_ROWS} rows`,
        querystring: spec.querystring,
        response: { ...xlsxAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const query = request.query as z.output<Q>;
      const page = (n: number) => spec.list(ctx, { ...(query as object), page: n, pageSize: PAGE } as z.output<Q>);
      const first = await page(1);
      if (first.total > EXPORT_MAX_ROWS)
        throw AppError.invalid(
          "querystring",
          "too_big",
          `${first.total} rows: an export takes at most ${EXPORT_MAX_ROWS}; narrow the filters`,
          { maximum: EXPORT_MAX_ROWS },
        );
      const book = new ExcelJS.Workbook();
      book.creator = "回迁难问题督办平台";
      const sheet = book.addWorksheet(spec.title.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
      sheet.getRow(1).font = { bold: true };
      const write = (items: T[]) => {
        for (const item of items) sheet.addRow(spec.columns.map((c) => c.value(item)));
      };
      write(first.items);
      for (let n = 2; (n - 1) * PAGE < first.total; n++) {
        const next = await page(n);
        write(next.items);
        if (next.items.length < PAGE) break;
      }
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`${spec.title}.xlsx`, "export.xlsx"))
        .send(Buffer.from(await book.xlsx.writeBuffer()));
    },
  );
}

/** An instant as people in China write it: 2026-11-25 10:00. */
export const chinaDateTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ") : "";
