import { BriefingSchema, StocktakeSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

export const reportsQueries = {
  all: () => ["reports"] as const,
  /** 工作简报 for a day (YYYY-MM-DD). */
  briefing: (date: string) =>
    queryOptions({
      queryKey: [...reportsQueries.all(), "briefing", date],
      queryFn: ({ signal }) => apiGet("/reports/briefing", BriefingSchema, { params: { date }, signal }),
    }),
  /** 逐项目研判材料 of a working group. */
  stocktake: (groupId: string) =>
    queryOptions({
      queryKey: [...reportsQueries.all(), "stocktake", groupId],
      queryFn: ({ signal }) => apiGet("/reports/stocktake", StocktakeSchema, { params: { groupId }, signal }),
    }),
};
