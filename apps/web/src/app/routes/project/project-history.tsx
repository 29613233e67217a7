import type { AuditEvent } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { AuditTable, createAuditValueFormatter } from "../../../features/audit";
import { departmentsQueries, districtsQueries, personsQueries } from "../../../features/organisation";
import { projectsQueries } from "../../../features/projects";
import { formatCount, formatDate, withUnit } from "../../../lib/format";

const PAGE_SIZE = 10;

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);

/** 变更记录: every change to the project, its milestones, items and ledger, newest first. */
export function ProjectHistory({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE });
  const history = useQuery(projectsQueries.history(projectId, paging));
  // Names for the ids in before and after; the project page has the departments already.
  const departments = useQuery(departmentsQueries.list());
  const persons = useQuery(personsQueries.everyone());
  const districts = useQuery(districtsQueries.list());

  const formatValue = createAuditValueFormatter(t, {
    departmentName: (id) => departments.data?.find((d) => d.id === id)?.name,
    personName: (id) => persons.data?.items.find((p) => p.id === id)?.name,
    districtName: (id) => districts.data?.find((d) => d.id === id)?.name,
  });

  const labelled = (type: string, title: string | null | undefined) =>
    title ? t("project.history.named", { type, title }) : type;
  const renderEntity = (event: AuditEvent) => {
    const type = t(`enums.auditEntityType.${event.entityType}`);
    const record = { ...event.before, ...event.after };
    if (event.entityType === "project") return t("project.history.named", { type, title: projectName });
    if (event.entityType === "progress_report") {
      const households = typeof record.households === "number" ? record.households : undefined;
      const date = text(record.reportedOn);
      return households === undefined || !date
        ? labelled(type, event.entityLabel)
        : t("project.history.report", {
            type,
            date: formatDate(date),
            households: withUnit(formatCount(households), t("units.households")),
          });
    }
    // The record in words as the server names it now (a status change records only the status),
    // else a milestone's title or an item's problem as the event recorded it.
    return labelled(type, event.entityLabel ?? text(record.title) ?? text(record.problem));
  };

  return (
    <SectionCard title={t("project.history.title")} className="project-history">
      <QueryView query={history} compact>
        {(page) => (
          <AuditTable
            events={page.items}
            total={page.total}
            query={paging}
            loading={history.isFetching}
            onChange={setPaging}
            renderEntity={renderEntity}
            formatValue={formatValue}
            caption={t("project.history.caption", { name: projectName })}
          />
        )}
      </QueryView>
    </SectionCard>
  );
}
