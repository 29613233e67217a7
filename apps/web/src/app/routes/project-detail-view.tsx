import type { ProjectDetail } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { SectionCard } from "../../components/ui/section-card";
import { departmentsQueries } from "../../features/departments/api/departments.queries";
import { MilestoneTable } from "../../features/projects/components/milestone-table";
import { ProjectStatusTag } from "../../features/projects/components/project-status-tag";
import { ProjectSummary } from "../../features/projects/components/project-summary";
import { ProjectYearTargetsTable } from "../../features/projects/components/project-year-targets-table";
import { todayIso } from "../../features/projects/lib/milestone-schedule";
import { renderPerson } from "./render-person";

export function ProjectDetailView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const departments = useQuery({
    ...departmentsQueries.list(),
    select: (list) => new Map(list.map((d) => [d.id, d.name])),
  });
  return (
    <>
      <PageHeading
        title={project.name}
        subtitle={
          <>
            {project.district.name} <ProjectStatusTag status={project.status} />
          </>
        }
        extra={<PrintButton />}
      />
      <SectionCard title={t("project.summary")}>
        <ProjectSummary project={project} renderPerson={renderPerson} />
      </SectionCard>
      <SectionCard title={t("project.yearTargets.title")}>
        <ProjectYearTargetsTable project={project} />
      </SectionCard>
      <SectionCard title={t("project.milestones.title")}>
        <MilestoneTable
          milestones={project.milestones}
          today={todayIso()}
          departmentName={(id) => departments.data?.get(id)}
          renderPerson={renderPerson}
        />
      </SectionCard>
    </>
  );
}
