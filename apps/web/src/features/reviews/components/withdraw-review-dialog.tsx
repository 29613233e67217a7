import type { Review } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/format";
import { WithdrawDialog } from "../../work";
import { useWithdrawReview } from "../api/use-withdraw-review";

/** 撤销 of a review record made by mistake, at the version the page shows. */
export function WithdrawReviewDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawReview(review);
  return (
    <WithdrawDialog
      kind="review"
      name={t("reviews.withdrawName", { group: review.group.name, date: formatDate(review.heldOn) })}
      pending={withdraw.isPending}
      withdraw={(reason) => withdraw.mutateAsync({ reason })}
      onClose={onClose}
    />
  );
}
