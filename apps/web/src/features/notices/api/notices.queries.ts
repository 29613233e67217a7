import { NoticeEventSchema, NoticePageSchema, NoticeSchema, type NoticeQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export type NoticeListQuery = Partial<Omit<NoticeQuery, "page" | "pageSize">> & { page: number; pageSize: number };

export const noticesQueries = {
  all: () => ["supervision-notices"] as const,
  /** A page of notices: open first, red before yellow before blue, then the oldest. */
  list: (query: NoticeListQuery) =>
    queryOptions({
      queryKey: [...noticesQueries.all(), "list", query],
      queryFn: ({ signal }) => apiGet("/supervision-notices", NoticePageSchema, { signal, params: { ...query } }),
      placeholderData: keepPreviousData,
      // Reply days pass while the page is open: read again when the window regains focus.
      refetchOnWindowFocus: true,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...noticesQueries.all(), "detail", id],
      queryFn: ({ signal }) => apiGet(`/supervision-notices/${encodeURIComponent(id)}`, NoticeSchema, { signal }),
    }),
  /** A notice's steps, oldest first. */
  events: (id: string) =>
    queryOptions({
      queryKey: [...noticesQueries.all(), "events", id],
      queryFn: ({ signal }) =>
        apiGet(`/supervision-notices/${encodeURIComponent(id)}/events`, z.array(NoticeEventSchema), { signal }),
    }),
};
