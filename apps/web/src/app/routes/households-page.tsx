import { HouseholdListQuerySchema } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { HouseholdRoster } from "../../features/households";
import { districtsQueries } from "../../features/organisation";
import { DEFAULT_LIST_QUERY, projectsQueries } from "../../features/projects";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * 回迁户名册: the households of every project with a registry. The filters live in the address;
 * the project filter searches the projects on the server (a province holds thousands).
 */
export default function HouseholdsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("households.roster.title"));
  const { query, update, reset } = useUrlQuery(HouseholdListQuerySchema);
  const districts = useQuery(districtsQueries.list());
  const [projectText, setProjectText] = useState("");
  const q = useDeferredValue(projectText.trim());
  const projects = useQuery(projectsQueries.list({ ...DEFAULT_LIST_QUERY, q: q || undefined, pageSize: 20 }));
  // The chosen project stays in the list while another search is typed.
  const chosen = useQuery({ ...projectsQueries.detail(query.projectId ?? ""), enabled: !!query.projectId });
  const options = projects.data?.items.map((p) => ({ value: p.id, label: p.name }));
  if (options && chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });

  return (
    <div className="page">
      <PageHeading
        title={t("households.roster.title")}
        subtitle={t("households.roster.subtitle")}
        extra={<PrintButton />}
      />
      <div className="panel">
        <HouseholdRoster
          query={query}
          onChange={update}
          onReset={reset}
          districts={districts.isError ? [] : districts.data}
          projects={projects.isError ? [] : options}
          onProjectSearch={setProjectText}
        />
      </div>
    </div>
  );
}
