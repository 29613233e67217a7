import {
  HouseholdEventSchema,
  HouseholdListPageSchema,
  HouseholdPageSchema,
  type HouseholdListQuery as RosterQuery,
  type HouseholdState,
} from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export type HouseholdListQuery = { state?: HouseholdState; q?: string; page: number; pageSize: number };

export const householdsQueries = {
  all: () => ["households"] as const,
  /** A page of a project's registry (回迁户台账): ID numbers and phones come masked. */
  list: (projectId: string, query: HouseholdListQuery) =>
    queryOptions({
      queryKey: [...householdsQueries.all(), projectId, "list", query],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(projectId)}/households`, HouseholdPageSchema, {
          signal,
          params: { ...query },
        }),
      placeholderData: keepPreviousData,
    }),
  /** 回迁户名册: a page of every project's households, by district, project, state and search. */
  roster: (query: RosterQuery) =>
    queryOptions({
      queryKey: [...householdsQueries.all(), "roster", query],
      queryFn: ({ signal }) => apiGet("/households", HouseholdListPageSchema, { signal, params: { ...query } }),
      placeholderData: keepPreviousData,
    }),
  /** A household's moves, oldest first. */
  events: (householdId: string) =>
    queryOptions({
      queryKey: [...householdsQueries.all(), "events", householdId],
      queryFn: ({ signal }) =>
        apiGet(`/households/${encodeURIComponent(householdId)}/events`, z.array(HouseholdEventSchema), { signal }),
    }),
};
