import {
  ReviewSchema,
  type Review,
  type ReviewAddendumCreate,
  type ReviewCreate,
  type ReviewUpdate,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { reviewsQueries } from "./reviews.queries";

const reviewPath = (id: string, rest = "") => `/reviews/${encodeURIComponent(id)}${rest}`;

/**
 * The saved record goes straight into the cache (the minutes page shows it without asking
 * again); the lists and the queue reload, after a refusal too (a 409 means the record moved on).
 * Pages refresh what else shows the follow-up actions (project pages, work lists).
 */
function useReviewMutation<V>(send: (variables: V) => Promise<Review>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (review) => {
      queryClient.setQueryData(reviewsQueries.detail(review.id).queryKey, review);
      void queryClient.invalidateQueries({
        queryKey: reviewsQueries.all(),
        predicate: (query) => query.queryKey[1] !== "detail",
      });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: reviewsQueries.all() }),
  });
}

/** 记录研判会: the follow-up actions become rectification items of their projects. */
export function useCreateReview() {
  return useReviewMutation((body: ReviewCreate) => apiSend("POST", "/reviews", body, ReviewSchema));
}

/** Corrects an unlocked record; the server withdraws signatures already given. */
export function useUpdateReview(id: string) {
  return useReviewMutation((changes: ReviewUpdate) => apiSend("PATCH", reviewPath(id), changes, ReviewSchema));
}

/** 会签: the user's department signs the record. */
export function useSignReview(id: string) {
  return useReviewMutation(() => apiSend("POST", reviewPath(id, "/signatures"), {}, ReviewSchema));
}

/** 补充说明: the only way to correct a locked record. */
export function useAddAddendum(id: string) {
  return useReviewMutation((body: ReviewAddendumCreate) =>
    apiSend("POST", reviewPath(id, "/addenda"), body, ReviewSchema),
  );
}
