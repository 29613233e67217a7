import { z } from "zod";

export const SortOrderSchema = z.enum(["asc", "desc"]);
export type SortOrder = z.infer<typeof SortOrderSchema>;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A yes/no filter as an address carries it: "true" or "false". */
export const QueryBooleanSchema = z.enum(["true", "false"]).transform((v) => v === "true");

/** Builds the `{items, total, page, pageSize}` envelope every list answers with. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
