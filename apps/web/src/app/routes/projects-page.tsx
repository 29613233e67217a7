import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../components/ui/error-result";
import { PageHeading } from "../../components/ui/page-heading";
import { departmentsQueries } from "../../features/organisation/api/departments.queries";
import { districtsQueries } from "../../features/organisation/api/districts.queries";
import { projectsQueries } from "../../features/projects/api/projects.queries";
import { ProjectFilters } from "../../features/projects/components/project-filters";
import { ProjectListTable } from "../../features/projects/components/project-list-table";
import { useProjectListQuery } from "../../features/projects/lib/use-project-list-query";
import { useDocumentTitle } from "../../lib/use-document-title";
import { renderPerson } from "../../features/organisation/components/person-name";

export default function ProjectsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("projects.title"));
  const { query, update, reset } = useProjectListQuery();
  const projects = useQuery(projectsQueries.list(query));
  const districts = useQuery(districtsQueries.list());
  const departments = useQuery(departmentsQueries.list());

  return (
    <div className="page">
      <PageHeading title={t("projects.title")} />
      <div className="panel">
        <ProjectFilters
          query={query}
          // A failed option list leaves its filter empty rather than spinning forever.
          districts={districts.isError ? [] : districts.data}
          departments={departments.isError ? [] : departments.data}
          onChange={update}
          onReset={reset}
        />
        {projects.isError && !projects.data ? (
          <ErrorResult error={projects.error} onRetry={() => void projects.refetch()} />
        ) : (
          <ProjectListTable
            projects={projects.data?.items ?? []}
            total={projects.data?.total ?? 0}
            query={query}
            loading={projects.isFetching}
            onChange={update}
            renderPerson={renderPerson}
          />
        )}
      </div>
    </div>
  );
}
