import { PlusOutlined } from "@ant-design/icons";
import type { Person } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import {
  departmentsQueries,
  PersonFilters,
  PersonFormModal,
  PersonPageQuerySchema,
  personsQueries,
  PersonTable,
  useUpdatePerson,
} from "../../../features/organisation";
import { useUrlQuery } from "../../../lib/url-query";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { actionErrorMessage } from "../../../lib/error-message";

export default function PersonsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("admin.persons.title"));
  const { query, update, reset } = useUrlQuery(PersonPageQuerySchema);
  const persons = useQuery(personsQueries.list(query));
  const departments = useQuery(departmentsQueries.list());
  const [editing, setEditing] = useState<Person | "new" | null>(null);
  const toggle = useUpdatePerson();
  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name;

  const toggleActive = (person: Person) =>
    toggle.mutate(
      { id: person.id, changes: { active: !person.active, version: person.version } },
      {
        onSuccess: (saved) =>
          void message.success(t(saved.active ? "admin.persons.activated" : "admin.persons.deactivated")),
        onError: (error) => void message.error(actionErrorMessage(t, error)),
      },
    );

  return (
    <div className="page">
      <PageHeading
        title={t("admin.persons.title")}
        subtitle={t("admin.persons.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/persons/export" params={query} />
            <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
              {t("admin.persons.create")}
            </Button>
          </Space>
        }
      />
      <div className="panel">
        <PersonFilters
          query={query}
          departments={departments.isError ? [] : departments.data}
          onChange={update}
          onReset={reset}
        />
        <QueryView query={persons} skeletonRows={8}>
          {(page) => (
            <PersonTable
              persons={page.items}
              total={page.total}
              query={query}
              loading={persons.isFetching || toggle.isPending}
              onChange={update}
              departmentName={departmentName}
              onEdit={setEditing}
              onToggleActive={toggleActive}
            />
          )}
        </QueryView>
      </div>
      {editing && (
        <PersonFormModal
          person={editing === "new" ? null : editing}
          departments={departments.data}
          defaultDepartmentId={query.departmentId}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
