import { IdSchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { NotFoundResult } from "../../../components/ui/not-found-result";
import { QueryView } from "../../../components/ui/query-view";
import { ReviewMinutes, reviewsQueries } from "../../../features/reviews";
import { isApiError } from "../../../lib/api-error";
import { formatDateTime } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { ReviewToolbar } from "./review-toolbar";

/** 研判会纪要: the record, its sign-off (会签) and addenda; printed as the meeting's minutes. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const validId = IdSchema.safeParse(id).success;
  const query = useQuery({ ...reviewsQueries.detail(id), enabled: validId });
  useDocumentTitle(
    query.data ? t("reviews.minutesTitle", { group: query.data.group.name }) : t("reviews.minutes.title"),
  );

  if (!validId || (isApiError(query.error) && query.error.isNotFound)) {
    return (
      <NotFoundResult
        title={t("reviews.minutes.notFoundTitle")}
        description={t("reviews.minutes.notFoundDescription")}
        backTo="/problem-queue"
        backLabel={t("reviews.minutes.backToQueue")}
      />
    );
  }
  return (
    <div className="page review-page">
      <Breadcrumb
        className="page-breadcrumb no-print"
        items={[
          { key: "reviews", title: <Link to="/reviews">{t("reviews.all.nav")}</Link> },
          { key: "review", title: <span aria-current="page">{t("reviews.minutes.title")}</span> },
        ]}
      />
      <QueryView query={query} skeletonRows={14}>
        {(review) => (
          <>
            <ReviewToolbar review={review} />
            {review.withdrawn && (
              <Alert
                type="warning"
                showIcon
                className="review-withdrawn-banner"
                title={t("withdraw.reviewBanner", {
                  reason: review.withdrawn.reason,
                  by: review.withdrawn.by ?? "—",
                  at: formatDateTime(review.withdrawn.at),
                })}
              />
            )}
            <div className={review.withdrawn ? "minutes-paper minutes-withdrawn" : "minutes-paper"}>
              <ReviewMinutes review={review} />
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
