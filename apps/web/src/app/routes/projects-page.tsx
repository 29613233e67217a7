import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../components/ui/error-result";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { departmentsQueries, districtsQueries, renderPerson } from "../../features/organisation";
import { ProjectFilters, ProjectListTable, projectsQueries, useProjectListQuery } from "../../features/projects";
import { useDocumentTitle } from "../../lib/use-document-title";

export default function ProjectsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("projects.title"));
  const { query, update, reset } = useProjectListQuery();
  const projects = useQuery(projectsQueries.list(query));
  const districts = useQuery(districtsQueries.list());
  const departments = useQuery(departmentsQueries.list());

  return (
    <div className="page">
      <PageHeading title={t("projects.title")} extra={<ExportButton path="/projects/export" params={query} />} />
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
