import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../lib/format";

/** Marks a rectification item decided in a working-group review (研判会), linking to its minutes. */
export function ReviewSourceTag({ review }: { review: { id: string; heldOn: string } | null }) {
  const { t } = useTranslation();
  if (!review) return null;
  return (
    <Link to={`/reviews/${review.id}`} className="review-source-tag" title={t("reviews.sourceTagHint")}>
      <Tag color="geekblue">{t("reviews.sourceTag", { date: formatDate(review.heldOn) })}</Tag>
    </Link>
  );
}
