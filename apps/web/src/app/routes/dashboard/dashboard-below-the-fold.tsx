import type { Dashboard } from "@resettle/domain";
import { DistrictSection } from "../../../features/dashboard";
import { DashboardProjects } from "./dashboard-projects";

type Props = { dashboard: Dashboard; years: number[] };

/**
 * The districts' cards and the projects' table: a chunk of its own, fetched once the figures above
 * are drawn, so the dashboard's first load goes without antd's Table, Pagination and Select that
 * the projects' table needs (issue 13, docs/performance.md).
 */
export default function DashboardBelowTheFold({ dashboard, years }: Props) {
  return (
    <>
      <DistrictSection dashboard={dashboard} />
      <DashboardProjects years={years} />
    </>
  );
}
