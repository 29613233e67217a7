import { PlusOutlined } from "@ant-design/icons";
import { UserListQuerySchema, type User } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { useSessionUser } from "../../../features/auth";
import { departmentsQueries, personsQueries } from "../../../features/organisation";
import {
  ResetPasswordModal,
  UserFilters,
  UserFormModal,
  usersQueries,
  UserTable,
  useUpdateUser,
} from "../../../features/users";
import { useUrlQuery } from "../../../lib/url-query";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { actionErrorMessage } from "../../../lib/error-message";

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("admin.users.title"));
  const me = useSessionUser();
  const { query, update, reset } = useUrlQuery(UserListQuerySchema);
  const users = useQuery(usersQueries.list(query));
  const departments = useQuery(departmentsQueries.list());
  const persons = useQuery(personsQueries.everyone());
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const toggle = useUpdateUser();

  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name;
  const personName = (id: string) => persons.data?.items.find((p) => p.id === id)?.name;

  const toggleActive = (user: User) =>
    toggle.mutate(
      { id: user.id, changes: { active: !user.active, version: user.version } },
      {
        onSuccess: (saved) =>
          void message.success(t(saved.active ? "admin.users.activated" : "admin.users.deactivated")),
        onError: (error) => void message.error(actionErrorMessage(t, error)),
      },
    );

  return (
    <div className="page">
      <PageHeading
        title={t("admin.users.title")}
        subtitle={t("admin.users.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/users/export" params={query} />
            <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
              {t("admin.users.create")}
            </Button>
          </Space>
        }
      />
      <div className="panel">
        <UserFilters
          query={query}
          departments={departments.isError ? [] : departments.data}
          onChange={update}
          onReset={reset}
        />
        <QueryView query={users} skeletonRows={8}>
          {(page) => (
            <UserTable
              users={page.items}
              total={page.total}
              query={query}
              loading={users.isFetching || toggle.isPending}
              onChange={update}
              departmentName={departmentName}
              personName={personName}
              currentUserId={me.id}
              onEdit={setEditing}
              onResetPassword={setResetting}
              onToggleActive={toggleActive}
            />
          )}
        </QueryView>
      </div>
      {editing && (
        <UserFormModal
          user={editing === "new" ? null : editing}
          departments={departments.data}
          persons={persons.data?.items}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
