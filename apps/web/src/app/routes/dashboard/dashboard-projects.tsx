import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { DEFAULT_LIST_QUERY, ProjectQuotaTable, projectsQueries } from "../../../features/projects";
import { renderPerson } from "../../../features/organisation";

// In the plan's own order (序号). The plan has 8 projects; the API's largest page covers
// any plan of this kind in one request.
const ALL_PROJECTS = { ...DEFAULT_LIST_QUERY, sort: "sequence", pageSize: 100 } as const;

type Props = { years: number[] };

export function DashboardProjects({ years }: Props) {
  const { t } = useTranslation();
  const query = useQuery(projectsQueries.list(ALL_PROJECTS));
  return (
    <SectionCard title={t("dashboard.projects.title")} className="dashboard-projects">
      <QueryView query={query} compact isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <ProjectQuotaTable
            projects={page.items}
            years={years}
            renderPerson={renderPerson}
            caption={t("dashboard.projects.caption")}
          />
        )}
      </QueryView>
    </SectionCard>
  );
}
