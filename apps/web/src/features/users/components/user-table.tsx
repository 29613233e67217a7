import type { User, UserListQuery } from "@resettle/domain";
import { Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { ActiveTag } from "../../../components/ui/active-tag";
import { RoleTag } from "../../../components/ui/role-tag";
import { onServerTableChange, serverPagination, sortableColumn } from "../../../components/ui/server-table";
import { formatDateTime, NO_VALUE } from "../../../lib/format";

type Props = {
  users: User[];
  total: number;
  query: UserListQuery;
  loading: boolean;
  onChange: (patch: Partial<UserListQuery>) => void;
  departmentName: (id: string) => string | undefined;
  personName: (id: string) => string | undefined;
  currentUserId: string;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleActive: (user: User) => void;
};

export function UserTable(props: Props) {
  const { users, total, query, loading, onChange, departmentName, personName, currentUserId } = props;
  const { t } = useTranslation();
  const columns: TableColumnsType<User> = [
    { ...sortableColumn(query, "username"), title: t("admin.users.columns.username"), dataIndex: "username" },
    { ...sortableColumn(query, "displayName"), title: t("admin.users.columns.displayName"), dataIndex: "displayName" },
    {
      ...sortableColumn(query, "role"),
      title: t("admin.users.columns.role"),
      render: (_, u) => <RoleTag role={u.role} />,
    },
    {
      key: "department",
      title: t("admin.users.columns.department"),
      render: (_, u) => (u.departmentId && departmentName(u.departmentId)) || NO_VALUE,
    },
    {
      key: "person",
      title: t("admin.users.columns.person"),
      render: (_, u) => (u.personId && personName(u.personId)) || NO_VALUE,
    },
    {
      key: "active",
      title: t("admin.users.columns.active"),
      render: (_, u) => (
        <Space size={4} wrap>
          <ActiveTag active={u.active} />
          {/* Its user has not yet replaced the password an administrator set (create, reset). */}
          {u.mustChangePassword && (
            <Tag color="orange" title={t("admin.users.mustChangePasswordHint")}>
              {t("admin.users.mustChangePassword")}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      ...sortableColumn(query, "lastLoginAt"),
      title: t("admin.users.columns.lastLoginAt"),
      render: (_, u) => formatDateTime(u.lastLoginAt),
    },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => props.onEdit(u)}>
            {t("common.edit")}
            <span className="sr-only">{` ${u.displayName}`}</span>
          </Button>
          <Button type="link" size="small" onClick={() => props.onResetPassword(u)}>
            {t("admin.users.resetPassword.action")}
            <span className="sr-only">{` ${u.displayName}`}</span>
          </Button>
          {u.id !== currentUserId && (
            <Popconfirm
              title={t(u.active ? "admin.users.deactivateConfirm" : "admin.users.activateConfirm", {
                name: u.displayName,
              })}
              okText={t(u.active ? "common.deactivate" : "common.activate")}
              cancelText={t("common.cancel")}
              onConfirm={() => props.onToggleActive(u)}
            >
              <Button type="link" size="small" danger={u.active}>
                {t(u.active ? "common.deactivate" : "common.activate")}
                <span className="sr-only">{` ${u.displayName}`}</span>
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      onChange={onServerTableChange<User, UserListQuery["sort"]>(query, "username", onChange)}
      caption={<span className="sr-only">{t("admin.users.caption")}</span>}
      rowClassName={(u) => (u.active ? "" : "row-inactive")}
      pagination={serverPagination(query, total, (count) => t("admin.users.count", { count }))}
      scroll={{ x: true }}
    />
  );
}
