import {
  pageOf,
  ProblemQueueEntrySchema,
  ReviewSchema,
  ReviewSummarySchema,
  type ProblemQueueQuery,
  type ReviewListQuery,
} from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

const ProblemQueuePageSchema = pageOf(ProblemQueueEntrySchema);
const ReviewPageSchema = pageOf(ReviewSummarySchema);

export const reviewsQueries = {
  all: () => ["reviews"] as const,
  lists: () => [...reviewsQueries.all(), "list"] as const,
  /** A group's or a project's reviews (研判记录), newest first. */
  list: (query: ReviewListQuery) =>
    queryOptions({
      queryKey: [...reviewsQueries.lists(), query],
      queryFn: ({ signal }) => apiGet("/reviews", ReviewPageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => [...reviewsQueries.all(), "detail"] as const,
  /** 研判会纪要: the record with its sign-off and addenda. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...reviewsQueries.details(), id],
      queryFn: ({ signal }) => apiGet(`/reviews/${encodeURIComponent(id)}`, ReviewSchema, { signal }),
    }),
  /** 问题项目: the projects the working groups must review, most neglected first (ranked by the server). */
  queue: (query: ProblemQueueQuery) =>
    queryOptions({
      queryKey: [...reviewsQueries.all(), "queue", query],
      queryFn: ({ signal }) => apiGet("/problem-queue", ProblemQueuePageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
    }),
};
