import {
  ReviewSchema,
  type Review,
  type ReviewAddendumCreate,
  type ReviewCreate,
  type ReviewUpdate,
} from "@resettle/domain";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange, workQueries } from "../../work";
import { reviewsQueries } from "./reviews.queries";

const reviewPath = (id: string, rest = "") => `/reviews/${encodeURIComponent(id)}${rest}`;

/**
 * The saved record goes straight into the cache (the minutes page shows it without asking
 * again); the lists and the queue reload, after a refusal too (a 409 means the record moved on).
 * `alsoRefresh` names what else shows the record, reloaded whatever the answer.
 */
function useReviewMutation<V>(
  send: (variables: V) => Promise<Review>,
  alsoRefresh: (queryClient: QueryClient) => Promise<unknown> = async () => undefined,
) {
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
    onSettled: () => alsoRefresh(queryClient),
  });
}

/** 记录研判会: the follow-up actions become rectification items of their projects. */
export function useCreateReview() {
  return useReviewMutation(
    (body: ReviewCreate) => apiSend("POST", "/reviews", body, ReviewSchema),
    invalidateAfterWorkChange,
  );
}

/**
 * Corrects an unlocked record; the server withdraws signatures already given. Its follow-up
 * items show the review they came from, on the project and in My work.
 */
export function useUpdateReview(id: string) {
  return useReviewMutation(
    (changes: ReviewUpdate) => apiSend("PATCH", reviewPath(id), changes, ReviewSchema),
    invalidateAfterWorkChange,
  );
}

/** 会签: the user's department signs the record, which leaves the records My work asks it to sign. */
export function useSignReview(id: string) {
  return useReviewMutation(
    () => apiSend("POST", reviewPath(id, "/signatures"), {}, ReviewSchema),
    (queryClient) => queryClient.invalidateQueries({ queryKey: workQueries.all() }),
  );
}

/** 补充说明: the only way to correct a locked record. */
export function useAddAddendum(id: string) {
  return useReviewMutation((body: ReviewAddendumCreate) =>
    apiSend("POST", reviewPath(id, "/addenda"), body, ReviewSchema),
  );
}
