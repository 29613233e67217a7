import { can, type ProjectDetail } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../../components/ui/section-card";
import { useSessionUser } from "../../../features/auth";
import {
  causesQueries,
  LinkedCommonProblems,
  ProblemProfileModal,
  ProblemProfileView,
} from "../../../features/problems";

/** 问题研判 and 共性问题: why the project is overdue, and the shared problems it is linked to. */
export function ProjectProblems({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [editing, setEditing] = useState(false);
  const causes = useQuery({ ...causesQueries.list(), enabled: editing });

  return (
    <>
      <SectionCard
        title={t("problemProfile.title")}
        extra={
          can(user, "problems.manage") && (
            <Button className="no-print" onClick={() => setEditing(true)}>
              {t("common.edit")}
              <span className="sr-only">{` ${t("problemProfile.title")}`}</span>
            </Button>
          )
        }
      >
        <ProblemProfileView
          problemCategory={project.problemCategory}
          causes={project.causes}
          problemStatement={project.problemStatement}
          workingGroup={project.workingGroup}
        />
      </SectionCard>
      {/* Shown when linked, or when the project is classified common and awaits its link. */}
      {(project.commonProblems.length > 0 || project.problemCategory === "common") && (
        <SectionCard
          title={t("commonProblems.title")}
          extra={
            <Link className="no-print" to={`/common-problems?projectId=${project.id}`}>
              {t("commonProblems.viewAll")}
            </Link>
          }
        >
          <LinkedCommonProblems problems={project.commonProblems} projectName={project.name} />
        </SectionCard>
      )}
      {editing && (
        <ProblemProfileModal
          projectId={project.id}
          projectName={project.name}
          profile={project}
          causes={causes.isError ? [] : causes.data}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  );
}
