import { IdSchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { NotFoundResult } from "../../../components/ui/not-found-result";
import { QueryView } from "../../../components/ui/query-view";
import { projectsQueries } from "../../../features/projects";
import { isApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { ProjectBreadcrumb } from "./project-breadcrumb";
import { ProjectDetailView } from "./project-detail-view";

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  // A malformed id can name no project: answer "not found" without asking the server.
  const validId = IdSchema.safeParse(id).success;
  const query = useQuery({ ...projectsQueries.detail(id), enabled: validId });
  useDocumentTitle(query.data?.name ?? t("nav.projects"));

  if (!validId || (isApiError(query.error) && query.error.isNotFound)) {
    return (
      <NotFoundResult
        title={t("notFound.projectTitle")}
        description={t("notFound.projectDescription")}
        backTo="/projects"
        backLabel={t("common.backToProjects")}
      />
    );
  }
  return (
    <div className="page">
      <ProjectBreadcrumb name={query.data?.name} />
      <QueryView query={query} skeletonRows={12}>
        {(project) => <ProjectDetailView project={project} />}
      </QueryView>
    </div>
  );
}
