import { PlusOutlined } from "@ant-design/icons";
import type { WorkingGroup } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { departmentsQueries, personsQueries } from "../../../features/organisation";
import { useProjectChoices } from "../../../features/projects";
import { WorkingGroupFormModal, workingGroupsQueries, WorkingGroupTable } from "../../../features/reviews";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** 联合工作组: the office forms groups of departments and persons and assigns them projects. */
export default function WorkingGroupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("groups.title"));
  const groups = useQuery(workingGroupsQueries.list());
  const [editing, setEditing] = useState<WorkingGroup | "new" | null>(null);
  const open = editing !== null;
  const departments = useQuery({ ...departmentsQueries.list(), enabled: open });
  const persons = useQuery({ ...personsQueries.everyone(), enabled: open });
  const projects = useProjectChoices(open);

  return (
    <div className="page">
      <PageHeading
        title={t("groups.title")}
        subtitle={t("groups.subtitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
            {t("groups.create")}
          </Button>
        }
      />
      <div className="panel">
        <QueryView
          query={groups}
          skeletonRows={6}
          isEmpty={(list) => list.length === 0}
          emptyDescription={t("groups.empty")}
        >
          {(list) => <WorkingGroupTable groups={list} loading={groups.isFetching} onEdit={setEditing} />}
        </QueryView>
      </div>
      {editing && (
        <WorkingGroupFormModal
          group={editing === "new" ? null : editing}
          departments={departments.data}
          persons={persons.data?.items}
          projects={projects.data}
          groups={groups.data}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
