import { z } from "zod";

// What a route answering with a file sends: its type and its name (exports, templates, evidence, reports).

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The 200 of a route answering with a workbook, as OpenAPI describes it. */
export const xlsxAnswer = { 200: z.any().describe(`an .xlsx workbook (${XLSX_TYPE})`) };

/**
 * Content-Disposition for a file name: an ASCII fallback (by default the name with every other
 * character as `_`) and the name itself in RFC 5987 form (Chinese names).
 */
export function contentDisposition(fileName: string, fallback?: string): string {
  const ascii = fallback ?? (fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "download");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
