import { can, type ProjectDetail } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Descriptions, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { useSessionUser } from "../../../features/auth";
import { departmentsQueries, personsQueries, renderPerson } from "../../../features/organisation";
import { ResponsibilityHistory, ResponsibilityModal, responsibilityQueries } from "../../../features/responsibility";

/** 责任分工: who answers for the project now, how that came about, and (for admins) changing it. */
export function ProjectResponsibility({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const target = { kind: "project", id: project.id } as const;
  const history = useQuery(responsibilityQueries.history(target));
  const canAssign = can(user, "responsibility.assign");
  const [open, setOpen] = useState(false);
  const departments = useQuery({ ...departmentsQueries.list(), enabled: open });
  const persons = useQuery({ ...personsQueries.everyone(), enabled: open });

  const extra = (
    <Space className="no-print">
      {can(user, "audit.read") && (
        <Link to={`/audit?entityType=project&entityId=${project.id}`}>{t("responsibility.auditLink")}</Link>
      )}
      {canAssign && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t("responsibility.adjust")}
        </Button>
      )}
    </Space>
  );

  return (
    <SectionCard title={t("responsibility.title")} extra={extra}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: "department",
            label: t("project.responsibleDepartment"),
            children: project.responsibleDepartment?.name ?? t("project.notSet"),
          },
          {
            key: "person",
            label: t("project.responsiblePerson"),
            children: project.responsiblePerson
              ? renderPerson(project.responsiblePerson.id, project.responsiblePerson.name)
              : t("project.notSet"),
          },
        ]}
      />
      <h3 className="subsection-title">{t("responsibility.history.title")}</h3>
      <QueryView query={history} compact>
        {(list) => (
          <ResponsibilityHistory
            history={list}
            renderPerson={renderPerson}
            caption={t("responsibility.history.caption", { name: project.name })}
          />
        )}
      </QueryView>
      {open && (
        <ResponsibilityModal
          target={target}
          title={t("responsibility.projectModalTitle", { name: project.name })}
          current={{
            departmentId: project.responsibleDepartment?.id ?? null,
            personId: project.responsiblePerson?.id ?? null,
            version: project.version,
          }}
          departments={departments.data}
          persons={persons.data?.items}
          onClose={() => setOpen(false)}
        />
      )}
    </SectionCard>
  );
}
