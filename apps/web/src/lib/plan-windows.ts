import { isWithin, PlanWindowsSchema, type DateWindow } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import type { Dayjs } from "dayjs";
import { apiGet } from "./api-client";

/**
 * The dates the server accepts for a report and for a due date (`planWindows` in the domain,
 * relative to the plan's years and today in China). Date pickers disable the rest.
 */
export const planWindowsQuery = () =>
  queryOptions({
    queryKey: ["plan-windows"] as const,
    queryFn: ({ signal }) => apiGet("/plan-windows", PlanWindowsSchema, { signal }),
    staleTime: 10 * 60_000,
  });

/** A DatePicker's `disabledDate` for a window; with none known yet nothing is disabled (the server still judges). */
export const outsideWindow =
  (window: DateWindow | undefined) =>
  (day: Dayjs): boolean =>
    !!window && !isWithin(day.format("YYYY-MM-DD"), window);
