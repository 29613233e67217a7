import { Space } from "antd";
import { OverdueBoardQuerySchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { QueryView } from "../../components/ui/query-view";
import { useSessionUser } from "../../features/auth";
import { departmentsQueries, districtsQueries } from "../../features/organisation";
import { OverdueBoardFilters, OverdueBoardTable, workQueries } from "../../features/work";
import { formatLongDate } from "../../lib/format";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * 全市待办: the city's overdue milestones and items across departments, the latest first.
 * The filters live in the address, so a dashboard counter or a shared link opens it filtered.
 */
export default function OverdueBoardPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t("board.title"));
  const user = useSessionUser();
  const { query, update, reset } = useUrlQuery(OverdueBoardQuerySchema);
  const [params, setParams] = useSearchParams();
  // A coordinator opening the bare board sees its own department's first (once: it may clear it).
  const defaulted = useRef(false);
  useEffect(() => {
    if (defaulted.current) return;
    defaulted.current = true;
    if (user.role === "coordinator" && user.departmentId && params.size === 0)
      setParams({ responsibleDepartmentId: user.departmentId }, { replace: true });
  }, [user, params, setParams]);
  const board = useQuery(workQueries.overdue(query));
  const districts = useQuery(districtsQueries.list());
  const departments = useQuery(departmentsQueries.list());

  return (
    <div className="page">
      <PageHeading
        title={t("board.title")}
        subtitle={
          board.data
            ? t("board.subtitle", { date: formatLongDate(board.data.asOf, i18n.language) })
            : t("board.subtitleShort")
        }
        extra={
          <Space wrap>
            <ExportButton path="/overdue-work/export" params={query} />
            <PrintButton />
          </Space>
        }
      />
      <div className="panel">
        <OverdueBoardFilters
          query={query}
          districts={districts.isError ? [] : districts.data}
          departments={departments.isError ? [] : departments.data}
          onChange={update}
          onReset={reset}
        />
        <QueryView query={board} skeletonRows={8}>
          {(page) => (
            <OverdueBoardTable
              entries={page.items}
              total={page.total}
              query={query}
              loading={board.isFetching}
              onChange={update}
            />
          )}
        </QueryView>
      </div>
    </div>
  );
}
