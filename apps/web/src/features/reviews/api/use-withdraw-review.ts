import { ReviewSchema, type Review, type Withdraw } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "../../work";
import { reviewsQueries } from "./reviews.queries";

/**
 * 撤销 of a review recorded by mistake: its planned follow-up items go with it, so the
 * work lists and figures reload as well as the reviews and the queue (after a refusal too).
 */
export function useWithdrawReview(review: Pick<Review, "id" | "version">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (withdrawal: Omit<Withdraw, "version">) =>
      apiSend(
        "POST",
        `/reviews/${encodeURIComponent(review.id)}/withdraw`,
        { ...withdrawal, version: review.version },
        ReviewSchema,
      ),
    onSuccess: (withdrawn) => queryClient.setQueryData(reviewsQueries.detail(withdrawn.id).queryKey, withdrawn),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewsQueries.all() }),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}
