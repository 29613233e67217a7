import { PlanWindowsSchema, type DateWindow } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
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

/** The dates a date field accepts, both ends included (YYYY-MM-DD): a plan's window, or one end only. */
export type DateBounds = Partial<DateWindow>;

/**
 * A DatePicker's `disabledDate` for a window or bounds; with none known yet nothing is disabled
 * (the server still judges).
 */
export const outsideWindow =
  (bounds: DateBounds | undefined) =>
  (day: Dayjs): boolean => {
    const date = day.format("YYYY-MM-DD");
    return !!bounds && ((!!bounds.minimum && date < bounds.minimum) || (!!bounds.maximum && date > bounds.maximum));
  };

/** Up to today as this computer counts it: the bounds of a day that cannot lie in the future (a meeting held, a call taken). */
export const untilToday = (): DateBounds => ({ maximum: dayjs().format("YYYY-MM-DD") });
