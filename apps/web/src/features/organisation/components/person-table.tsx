import type { Person } from "@resettle/domain";
import { Button, Popconfirm, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { ActiveTag } from "../../../components/ui/active-tag";
import { DemoTag } from "../../../components/ui/demo-tag";
import { onServerTableChange, serverPagination, sortableColumn } from "../../../components/ui/server-table";
import { NO_VALUE } from "../../../lib/format";
import type { PersonPageQuery } from "../lib/person-list-query";

type Props = {
  persons: Person[];
  total: number;
  query: PersonPageQuery;
  loading: boolean;
  onChange: (patch: Partial<PersonPageQuery>) => void;
  departmentName: (id: string) => string | undefined;
  onEdit: (person: Person) => void;
  onToggleActive: (person: Person) => void;
};

export function PersonTable({
  persons,
  total,
  query,
  loading,
  onChange,
  departmentName,
  onEdit,
  onToggleActive,
}: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Person> = [
    {
      ...sortableColumn(query, "name"),
      title: t("admin.persons.columns.name"),
      render: (_, p) => (
        <span className="person-name">
          {p.name}
          {p.isDemo && <DemoTag />}
        </span>
      ),
    },
    { key: "title", title: t("admin.persons.columns.title"), render: (_, p) => p.title || NO_VALUE },
    {
      ...sortableColumn(query, "department"),
      title: t("admin.persons.columns.department"),
      render: (_, p) => departmentName(p.departmentId) ?? NO_VALUE,
    },
    { key: "phone", title: t("admin.persons.columns.phone"), render: (_, p) => p.phone || NO_VALUE },
    { key: "active", title: t("admin.persons.columns.active"), render: (_, p) => <ActiveTag active={p.active} /> },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, p) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(p)}>
            {t("common.edit")}
            <span className="sr-only">{` ${p.name}`}</span>
          </Button>
          <Popconfirm
            title={t(p.active ? "admin.persons.deactivateConfirm" : "admin.persons.activateConfirm", { name: p.name })}
            okText={t(p.active ? "common.deactivate" : "common.activate")}
            cancelText={t("common.cancel")}
            onConfirm={() => onToggleActive(p)}
          >
            <Button type="link" size="small" danger={p.active}>
              {t(p.active ? "common.deactivate" : "common.activate")}
              <span className="sr-only">{` ${p.name}`}</span>
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={persons}
      loading={loading}
      onChange={onServerTableChange<Person, PersonPageQuery["sort"]>(query, "department", onChange)}
      caption={<span className="sr-only">{t("admin.persons.caption")}</span>}
      rowClassName={(p) => (p.active ? "" : "row-inactive")}
      pagination={serverPagination(query, total, (count) => t("admin.persons.count", { count }))}
      scroll={{ x: true }}
    />
  );
}
