import { useQuery } from "@tanstack/react-query";
import { Result, Skeleton } from "antd";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../../components/ui/page-heading";
import { PrintButton } from "../../../components/ui/print-button";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { useSeenOrIdle } from "../../../components/ui/use-seen-or-idle";
import { TrajectoryFigures } from "../../../components/ui/trajectory-figures";
import {
  dashboardQueries,
  HeadlineStats,
  ArrearsOverview,
  HealthOverview,
  PlanYearTable,
} from "../../../features/dashboard";
import { formatLongDate } from "../../../lib/format";
import { lazyWithAllTexts, useTexts } from "../../../lib/i18n/page-texts";
import { useDocumentTitle } from "../../../lib/use-document-title";
import dashboardTexts from "./dashboard-texts";

const DashboardBelowTheFold = lazyWithAllTexts(() => import("./dashboard-below-the-fold"));

export default function DashboardPage() {
  useTexts(dashboardTexts);
  const { t, i18n } = useTranslation();
  const query = useQuery(dashboardQueries.summary());
  useDocumentTitle(t("dashboard.title"));
  const dashboard = query.data;

  return (
    <div className="page">
      <PageHeading
        title={dashboard?.plan?.title ?? t("dashboard.title")}
        subtitle={dashboard && t("common.asOf", { date: formatLongDate(dashboard.asOf, i18n.language) })}
        extra={dashboard && <PrintButton />}
      />
      <QueryView query={query} skeletonRows={10}>
        {(data) =>
          data.plan === null ? (
            <Result status="info" title={t("dashboard.noPlan")} subTitle={t("dashboard.noPlanHint")} />
          ) : (
            <>
              <HeadlineStats totals={data.totals} />
              <SectionCard title={t("dashboard.cityTrajectory")} className="city-trajectory">
                <TrajectoryFigures trajectory={data.trajectory} />
              </SectionCard>
              <HealthOverview health={data.health} overdue={data.overdue} />
              <ArrearsOverview arrears={data.arrears} />
              <SectionCard title={t("dashboard.planYears.title")}>
                <PlanYearTable years={data.years} />
              </SectionCard>
              <BelowTheFold>
                <DashboardBelowTheFold dashboard={data} years={data.plan.years} />
              </BelowTheFold>
            </>
          )
        }
      </QueryView>
    </div>
  );
}

/**
 * The districts' cards and the projects' table, below the fold: drawn once in view or once the
 * browser is idle after the figures above, so that the first render (React's and antd's styles'
 * work, Lighthouse's blocking time) is the part on screen, and their code (a chunk of its own, with
 * antd's Table) is fetched then (issue 13, docs/performance.md).
 */
function BelowTheFold({ children }: { children: ReactNode }) {
  const [place, due] = useSeenOrIdle<HTMLDivElement>();
  const waiting = <Skeleton active paragraph={{ rows: 8 }} />;
  return <div ref={place}>{due ? <Suspense fallback={waiting}>{children}</Suspense> : waiting}</div>;
}
