/** Working groups, reviews (研判会) and the problem queue (API module `reviews`). Other code imports this feature from here only. */
export { reviewsQueries } from "./api/reviews.queries";
export { useSignReview } from "./api/use-record-review";
export { workingGroupsQueries } from "./api/working-groups.queries";
export { AddendumModal } from "./components/addendum-modal";
export { ProblemQueueFilters } from "./components/problem-queue-filters";
export { ProblemQueueTable } from "./components/problem-queue-table";
export { ReviewEditModal } from "./components/review-edit-modal";
export { ReviewForm } from "./components/review-form";
export { ReviewListTable } from "./components/review-list-table";
export { ReviewMinutes } from "./components/review-minutes";
export { ReviewsToSign } from "./components/reviews-to-sign";
export { WorkingGroupFormModal } from "./components/working-group-form-modal";
export { WorkingGroupTable } from "./components/working-group-table";
export { WithdrawReviewDialog } from "./components/withdraw-review-dialog";
export { newReviewPath, PROJECT_REVIEWS_ANCHOR } from "./lib/review-paths";
