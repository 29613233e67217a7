import type { Milestone } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { departmentsQueries, personsQueries, renderPerson } from "../../../features/organisation";
import { ResponsibilityHistory, ResponsibilityModal, responsibilityQueries } from "../../../features/responsibility";

type Props = { milestone: Milestone; onClose: () => void };

/** Assigning one milestone of the timetable, with its earlier assignments for context. */
export function MilestoneResponsibilityModal({ milestone, onClose }: Props) {
  const { t } = useTranslation();
  const target = { kind: "milestone", id: milestone.id } as const;
  const departments = useQuery(departmentsQueries.list());
  const persons = useQuery(personsQueries.everyone());
  const history = useQuery(responsibilityQueries.history(target));

  return (
    <ResponsibilityModal
      target={target}
      title={t("responsibility.milestoneModalTitle", { title: milestone.title })}
      current={{
        departmentId: milestone.responsibleDepartmentId,
        personId: milestone.responsiblePersonId,
        version: milestone.version,
      }}
      departments={departments.data}
      persons={persons.data?.items}
      onClose={onClose}
    >
      <h3 className="subsection-title">{t("responsibility.history.title")}</h3>
      <QueryView query={history} compact skeletonRows={2}>
        {(list) => (
          <ResponsibilityHistory
            compact
            history={list}
            renderPerson={renderPerson}
            caption={t("responsibility.history.milestoneCaption", { title: milestone.title })}
          />
        )}
      </QueryView>
    </ResponsibilityModal>
  );
}
