import {
  TicketEventSchema,
  UtilityStandardSchema,
  UtilityTicketPageSchema,
  type UtilityTicketQuery,
} from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const ticketsQueries = {
  all: () => ["tickets"] as const,
  /** A page of tickets, open ones first, then the nearest deadline. */
  list: (query: Partial<UtilityTicketQuery> & { page: number; pageSize: number }) =>
    queryOptions({
      queryKey: [...ticketsQueries.all(), "list", query],
      queryFn: ({ signal }) => apiGet("/utility-tickets", UtilityTicketPageSchema, { signal, params: { ...query } }),
      placeholderData: keepPreviousData,
      // Deadlines pass while the page is open: read again when the window regains focus.
      refetchOnWindowFocus: true,
    }),
  /** A ticket's steps, oldest first. */
  events: (id: string) =>
    queryOptions({
      queryKey: [...ticketsQueries.all(), "events", id],
      queryFn: ({ signal }) =>
        apiGet(`/utility-tickets/${encodeURIComponent(id)}/events`, z.array(TicketEventSchema), { signal }),
    }),
  standards: () =>
    queryOptions({
      queryKey: [...ticketsQueries.all(), "standards"],
      queryFn: ({ signal }) => apiGet("/utility-standards", z.array(UtilityStandardSchema), { signal }),
    }),
};
