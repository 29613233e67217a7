import { NotificationPageSchema, NotificationSchema, type NotificationQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

/**
 * The contract's page, except that a rule may be any name: a tab left open across an upgrade
 * meets rules its bundle does not know yet, and shows their names rather than losing the bell.
 */
const NotificationPageReadSchema = NotificationPageSchema.extend({
  items: z.array(NotificationSchema.extend({ rule: z.string() })),
});
export type NotificationPageRead = z.infer<typeof NotificationPageReadSchema>;
export type NotificationRead = NotificationPageRead["items"][number];

export type NotificationListQuery = Partial<Omit<NotificationQuery, "page" | "pageSize">> & {
  page: number;
  pageSize: number;
};

/** How many of the latest notifications the bell lists. */
const BELL_SIZE = 8;

export const alertsQueries = {
  all: () => ["notifications"] as const,
  /** A page of the user's own notifications, newest first, with the count unread. */
  list: (query: NotificationListQuery) =>
    queryOptions({
      queryKey: [...alertsQueries.all(), "list", query],
      queryFn: ({ signal }) => apiGet("/notifications", NotificationPageReadSchema, { signal, params: { ...query } }),
      placeholderData: keepPreviousData,
      refetchOnWindowFocus: true,
    }),
  /**
   * The bell's: the latest few and the count unread. The job raises alerts while the app stays
   * open all day, so it is read again every minute and whenever the window regains focus.
   */
  latest: () =>
    queryOptions({
      ...alertsQueries.list({ page: 1, pageSize: BELL_SIZE }),
      refetchInterval: 60_000,
      refetchOnWindowFocus: "always",
    }),
};
