import { PlusOutlined } from "@ant-design/icons";
import { can, ReviewListQuerySchema, type ReviewListQuery } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Form, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorResult } from "../../../components/ui/error-result";
import { ExportButton } from "../../../components/ui/export-button";
import { PageHeading } from "../../../components/ui/page-heading";
import { useSessionUser } from "../../../features/auth";
import { ReviewListTable, reviewsQueries, workingGroupsQueries } from "../../../features/reviews";
import { useUrlQuery } from "../../../lib/url-query";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** 研判会: every review record, newest first, by group and by sign-off state; filters in the address. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("reviews.all.title"));
  const user = useSessionUser();
  const navigate = useNavigate();
  const { query, update, reset } = useUrlQuery(ReviewListQuerySchema);
  const reviews = useQuery(reviewsQueries.list(query));
  const groups = useQuery(workingGroupsQueries.list());
  // A new filter shows its first page: page 3 of the old result may not exist.
  const set = (patch: Partial<ReviewListQuery>) => update({ ...patch, page: 1 });

  return (
    <div className="page">
      <PageHeading
        title={t("reviews.all.title")}
        subtitle={t("reviews.all.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/reviews/export" params={query} />
            {can(user, "reviews.record") && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate("/reviews/new")}>
                {t("reviews.form.title")}
              </Button>
            )}
          </Space>
        }
      />
      <div className="panel">
        <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("reviews.all.filters")}>
          <Form.Item label={t("queue.filters.group")} htmlFor="reviews-filter-group">
            <Select
              id="reviews-filter-group"
              allowClear
              placeholder={t("common.all")}
              style={{ width: 280 }}
              popupMatchSelectWidth={false}
              value={query.groupId}
              loading={groups.isPending}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              onChange={(groupId?: string) => set({ groupId })}
            />
          </Form.Item>
          <Form.Item label={t("reviews.list.columns.signOff")} htmlFor="reviews-filter-state">
            <Select
              id="reviews-filter-state"
              allowClear
              placeholder={t("common.all")}
              style={{ width: 140 }}
              value={query.state}
              options={[
                { value: "signing", label: t("reviews.all.signing") },
                { value: "locked", label: t("reviews.minutes.locked") },
              ]}
              onChange={(state?: ReviewListQuery["state"]) => set({ state })}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={reset}>{t("common.reset")}</Button>
          </Form.Item>
        </Form>
        {reviews.isError && !reviews.data ? (
          <ErrorResult error={reviews.error} onRetry={() => void reviews.refetch()} />
        ) : (
          <ReviewListTable
            reviews={reviews.data?.items ?? []}
            total={reviews.data?.total ?? 0}
            query={query}
            loading={reviews.isFetching}
            onChange={update}
            caption={t("reviews.all.caption")}
          />
        )}
      </div>
    </div>
  );
}
