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
import {
  CooperatingTags,
  CooperatorsModal,
  LeadTag,
  ResponsibilityHistory,
  ResponsibilityModal,
  responsibilityQueries,
} from "../../../features/responsibility";

/**
 * 责任分工: who answers for the project now — the lead (牵头单位) with its person, and the
 * departments cooperating (配合单位) —, how that came about, and (for admins) changing it.
 */
export function ProjectResponsibility({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const target = { kind: "project", id: project.id } as const;
  const history = useQuery(responsibilityQueries.history(target));
  const canAssign = can(user, "responsibility.assign");
  const cooperators = useQuery(responsibilityQueries.cooperators(target));
  const [open, setOpen] = useState(false);
  const [settingCooperators, setSettingCooperators] = useState(false);
  const departments = useQuery({ ...departmentsQueries.list(), enabled: open || settingCooperators });
  const persons = useQuery({ ...personsQueries.everyone(), enabled: open });

  const extra = (
    <Space className="no-print">
      {can(user, "audit.read") && (
        <Link to={`/audit?entityType=project&entityId=${project.id}`}>{t("responsibility.auditLink")}</Link>
      )}
      {canAssign && cooperators.data && (
        <Button onClick={() => setSettingCooperators(true)}>{t("cooperation.set")}</Button>
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
            label: t("cooperation.lead"),
            children: <LeadTag lead={project.responsibleDepartment} />,
          },
          {
            key: "person",
            label: t("project.responsiblePerson"),
            children: project.responsiblePerson
              ? renderPerson(project.responsiblePerson.id, project.responsiblePerson.name)
              : t("project.notSet"),
          },
          {
            key: "cooperating",
            label: t("cooperation.cooperating"),
            children: cooperators.data ? (
              <CooperatingTags cooperating={cooperators.data.cooperating} />
            ) : cooperators.isError ? (
              t("cooperation.unavailable")
            ) : (
              t("cooperation.loading")
            ),
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
      {settingCooperators && cooperators.data && (
        <CooperatorsModal
          target={target}
          name={project.name}
          current={cooperators.data}
          departments={departments.data}
          onClose={() => setSettingCooperators(false)}
        />
      )}
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
