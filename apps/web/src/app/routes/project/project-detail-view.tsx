import { canActFor, progressReporterIds, type ProjectDetail } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeading } from "../../../components/ui/page-heading";
import { PrintButton } from "../../../components/ui/print-button";
import { SectionCard } from "../../../components/ui/section-card";
import { HealthTag } from "../../../components/ui/health-tag";
import { useSessionUser } from "../../../features/auth";
import { departmentsQueries } from "../../../features/organisation";
import { HouseholdRegistry } from "../../../features/households";
import { ProjectSubsidy } from "../../../features/subsidy";
import { LocalTicketList } from "../../../features/tickets";
import { ProgressLedger } from "../../../features/work";
import {
  HealthCard,
  ProjectStatusTag,
  ProjectSummary,
  ProjectTrajectory,
  ProjectYearTargetsTable,
} from "../../../features/projects";
import { ProjectHistory } from "./project-history";
import { ProjectProblems } from "./project-problems";
import { ProjectResponsibility } from "./project-responsibility";
import { ProjectReviews } from "./project-reviews";
import { ProjectWork } from "./project-work";

export function ProjectDetailView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const today = project.trajectory.asOf;
  // The same rule as the server's: the responsible department and the district government (属地责任).
  const departments = useQuery(departmentsQueries.list());
  const reporterIds = progressReporterIds(
    { responsibleDepartmentId: project.responsibleDepartment?.id, districtId: project.district.id },
    departments.data ?? [],
  );
  const canReport = canActFor(user, "progress.report", reporterIds);

  // The tab lives in the address, so a reload or a shared link opens the same one.
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab = requested === "households" || requested === "subsidy" || requested === "tickets" ? requested : "overview";

  const overview = (
    <>
      <SectionCard title={t("health.title")} className="health-section">
        <HealthCard health={project.health} />
      </SectionCard>
      <SectionCard title={t("project.summary")}>
        <ProjectSummary project={project} />
      </SectionCard>
      <ProjectProblems project={project} />
      <SectionCard title={t("trajectory.title")}>
        <ProjectTrajectory trajectory={project.trajectory} name={project.name} />
      </SectionCard>
      <ProjectResponsibility project={project} />
      <ProjectHistory projectId={project.id} projectName={project.name} />
      <SectionCard title={t("project.yearTargets.title")}>
        <ProjectYearTargetsTable project={project} />
      </SectionCard>
      <ProjectWork project={project} today={today} />
      <ProjectReviews project={project} />
      <SectionCard title={t("progress.title")}>
        <ProgressLedger
          projectId={project.id}
          projectName={project.name}
          project={project}
          canReport={canReport && project.registeredHouseholds === 0}
          fromRegistry={project.registeredHouseholds > 0}
        />
      </SectionCard>
    </>
  );

  return (
    <>
      <PageHeading
        title={project.name}
        subtitle={
          <>
            {project.district.name} <ProjectStatusTag status={project.status} />{" "}
            <HealthTag level={project.health.level} />
          </>
        }
        extra={<PrintButton />}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              if (key === "overview") next.delete("tab");
              else next.set("tab", key);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          { key: "overview", label: t("project.tabs.overview"), children: overview },
          {
            key: "households",
            label: t("project.tabs.households", { count: project.registeredHouseholds }),
            children: (
              <SectionCard title={t("households.title")}>
                <HouseholdRegistry
                  projectId={project.id}
                  canKeep={canReport}
                  registered={project.registeredHouseholds}
                  movedBack={project.movedBack}
                  totalHouseholds={project.totalHouseholds}
                />
              </SectionCard>
            ),
          },
          {
            key: "subsidy",
            label: t("project.tabs.subsidy"),
            children: (
              <SectionCard title={t("subsidy.title")}>
                <ProjectSubsidy projectId={project.id} canKeep={canActFor(user, "subsidy.record", reporterIds)} />
              </SectionCard>
            ),
          },
          {
            key: "tickets",
            label: t("project.tabs.tickets"),
            children: (
              <SectionCard title={t("tickets.title")}>
                <LocalTicketList
                  projectId={project.id}
                  label={t("tickets.projectTableLabel", { name: project.name })}
                />
              </SectionCard>
            ),
          },
        ]}
      />
    </>
  );
}
