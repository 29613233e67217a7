import { can, type Milestone, type ProjectDetail } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { SectionCard } from "../../components/ui/section-card";
import { useSessionUser } from "../../features/auth/api/session-context";
import { departmentsQueries } from "../../features/departments/api/departments.queries";
import { MilestoneTable } from "../../features/projects/components/milestone-table";
import { ProjectStatusTag } from "../../features/projects/components/project-status-tag";
import { ProjectSummary } from "../../features/projects/components/project-summary";
import { ProjectYearTargetsTable } from "../../features/projects/components/project-year-targets-table";
import { todayIso } from "../../features/projects/lib/milestone-schedule";
import { MilestoneResponsibilityModal } from "./milestone-responsibility";
import { ProjectResponsibility } from "./project-responsibility";
import { renderPerson } from "./render-person";

export function ProjectDetailView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [assigning, setAssigning] = useState<Milestone | null>(null);
  const departments = useQuery({
    ...departmentsQueries.list(),
    select: (list) => new Map(list.map((d) => [d.id, d.name])),
  });
  const renderActions = can(user, "responsibility.assign")
    ? (m: Milestone) => (
        <Button type="link" size="small" onClick={() => setAssigning(m)}>
          {t("responsibility.assignMilestone")}
          <span className="sr-only">{` ${m.title}`}</span>
        </Button>
      )
    : undefined;

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
        <ProjectSummary project={project} />
      </SectionCard>
      <ProjectResponsibility project={project} />
      <SectionCard title={t("project.yearTargets.title")}>
        <ProjectYearTargetsTable project={project} />
      </SectionCard>
      <SectionCard title={t("project.milestones.title")}>
        <MilestoneTable
          milestones={project.milestones}
          today={todayIso()}
          departmentName={(id) => departments.data?.get(id)}
          renderPerson={renderPerson}
          renderActions={renderActions}
        />
      </SectionCard>
      {assigning && <MilestoneResponsibilityModal milestone={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}
