import { Space } from "antd";
import { can, ProblemQueueQuerySchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../../components/ui/error-result";
import { ExportButton } from "../../../components/ui/export-button";
import { PageHeading } from "../../../components/ui/page-heading";
import { PrintButton } from "../../../components/ui/print-button";
import { useSessionUser } from "../../../features/auth";
import { districtsQueries } from "../../../features/organisation";
import {
  ProblemQueueFilters,
  ProblemQueueTable,
  reviewsQueries,
  workingGroupsQueries,
} from "../../../features/reviews";
import { useUrlQuery } from "../../../lib/url-query";
import { useDocumentTitle } from "../../../lib/use-document-title";

/**
 * 问题项目: the working group's home. Individual-problem, red and blocked projects, the most
 * neglected first, with when each was last reviewed and what its follow-up actions are doing.
 */
export default function ProblemQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("queue.title"));
  const user = useSessionUser();
  const { query, update, reset } = useUrlQuery(ProblemQueueQuerySchema);
  const queue = useQuery({ ...reviewsQueries.queue(query), refetchOnWindowFocus: "always" });
  const groups = useQuery(workingGroupsQueries.list());
  const districts = useQuery(districtsQueries.list());

  return (
    <div className="page">
      <PageHeading
        title={t("queue.title")}
        subtitle={t("queue.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/problem-queue/export" params={query} />
            <PrintButton />
          </Space>
        }
      />
      <div className="panel">
        <ProblemQueueFilters
          query={query}
          // A failed option list leaves its filter empty rather than spinning forever.
          groups={groups.isError ? [] : groups.data}
          districts={districts.isError ? [] : districts.data}
          onChange={update}
          onReset={reset}
        />
        {queue.isError && !queue.data ? (
          <ErrorResult error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <ProblemQueueTable
            entries={queue.data?.items ?? []}
            total={queue.data?.total ?? 0}
            query={query}
            loading={queue.isFetching}
            onChange={update}
            canRecord={can(user, "reviews.record")}
            canAssign={can(user, "groups.manage")}
            assignableGroups={groups.isError ? [] : groups.data}
          />
        )}
      </div>
    </div>
  );
}
