import type { MyWork } from "@resettle/domain";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../../lib/format";

/** 待会签: the review records the department attended and has yet to sign, each leading to its minutes. */
export function ReviewsToSign({ reviews }: { reviews: MyWork["reviewsToSign"] }) {
  const { t } = useTranslation();
  if (reviews.length === 0) return null;
  return (
    <Alert
      className="my-work-summary"
      type="info"
      showIcon
      title={t("reviews.toSign.title", { count: reviews.length })}
      description={
        <ul className="reviews-to-sign" aria-label={t("reviews.toSign.title", { count: reviews.length })}>
          {reviews.map((r) => (
            <li key={r.id}>
              <Link to={`/reviews/${r.id}`}>
                {t("reviews.toSign.item", {
                  date: formatDate(r.heldOn),
                  group: r.group.name,
                  projects: r.projects.map((p) => p.name).join(t("reviews.minutes.nameSeparator")),
                })}
              </Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}
