import {
  ScorecardSchema,
  ScoreRecordPageSchema,
  ScoringRuleSetSchema,
  type ScorecardQuery,
  type ScoreRecordsQuery,
} from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

export const scorecardsQueries = {
  /** Everything a new version of the rules may change: every scorecard, its records, the versions. */
  all: () => ["scorecards"] as const,
  /** Every district or department scored for a period, ranked, with the rules used. */
  card: (query: ScorecardQuery) =>
    queryOptions({
      queryKey: [...scorecardsQueries.all(), "card", query],
      queryFn: ({ signal }) => apiGet("/scorecards", ScorecardSchema, { signal, params: { ...query } }),
      placeholderData: keepPreviousData,
    }),
  /** A page of the records behind one part of one row's score (下钻). */
  records: (query: ScoreRecordsQuery) =>
    queryOptions({
      queryKey: [...scorecardsQueries.all(), "records", query],
      queryFn: ({ signal }) => apiGet("/scorecards/records", ScoreRecordPageSchema, { signal, params: { ...query } }),
      placeholderData: keepPreviousData,
    }),
  /** Every version of the scoring rules, newest first. */
  rules: () =>
    queryOptions({
      queryKey: [...scorecardsQueries.all(), "rules"],
      queryFn: ({ signal }) => apiGet("/scoring-rules", z.array(ScoringRuleSetSchema), { signal }),
    }),
};
