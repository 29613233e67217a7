import {
  ArrearsReportSchema,
  HouseholdSubsidyDetailSchema,
  HouseholdSubsidyPageSchema,
  ProjectSubsidySchema,
} from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

export type AccountListQuery = { owing: boolean; q?: string; page: number; pageSize: number };

export const subsidyQueries = {
  all: () => ["subsidy"] as const,
  /** A project's standards and its arrears today. */
  project: (projectId: string) =>
    queryOptions({
      queryKey: [...subsidyQueries.all(), "project", projectId],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(projectId)}/subsidy`, ProjectSubsidySchema, { signal }),
    }),
  /** A page of a project's households with their accounts (owing: those owed, oldest first). */
  accounts: (projectId: string, query: AccountListQuery) =>
    queryOptions({
      queryKey: [...subsidyQueries.all(), "accounts", projectId, query],
      queryFn: ({ signal }) =>
        apiGet(`/projects/${encodeURIComponent(projectId)}/subsidy/households`, HouseholdSubsidyPageSchema, {
          signal,
          params: { ...query, owing: query.owing ? "true" : undefined },
        }),
      placeholderData: keepPreviousData,
    }),
  /** One household's months and payments. */
  household: (householdId: string) =>
    queryOptions({
      queryKey: [...subsidyQueries.all(), "household", householdId],
      queryFn: ({ signal }) =>
        apiGet(`/households/${encodeURIComponent(householdId)}/subsidy`, HouseholdSubsidyDetailSchema, { signal }),
    }),
  /** Arrears per project, per district and in all. */
  arrears: (params: { districtId?: string; projectId?: string } = {}) =>
    queryOptions({
      queryKey: [...subsidyQueries.all(), "arrears", params],
      queryFn: ({ signal }) => apiGet("/subsidy/arrears", ArrearsReportSchema, { signal, params }),
    }),
};
