import type { WorkingGroup } from "@resettle/domain";
import { Button, Descriptions, Space, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NO_VALUE } from "../../../lib/format";

type Props = {
  groups: WorkingGroup[];
  loading: boolean;
  onEdit: (group: WorkingGroup) => void;
};

/** Each group's members and projects; a row opens to its persons by department. */
export function WorkingGroupTable({ groups, loading, onEdit }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<WorkingGroup> = [
    { key: "name", title: t("groups.columns.name"), dataIndex: "name" },
    { key: "lead", title: t("groups.columns.lead"), render: (_, g) => g.leadDepartment.name },
    {
      key: "members",
      title: t("groups.columns.members"),
      render: (_, g) => (
        <Space size={[0, 4]} wrap>
          {g.departments.map((d) => (
            <Tag key={d.id} color={d.id === g.leadDepartment.id ? "blue" : undefined}>
              {d.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: "persons",
      title: t("groups.columns.persons"),
      align: "right",
      render: (_, g) => t("groups.personCount", { count: g.persons.filter((p) => p.active).length }),
    },
    {
      key: "projects",
      title: t("groups.columns.projects"),
      render: (_, g) =>
        g.projects.length === 0 ? (
          NO_VALUE
        ) : (
          <Space size={[8, 0]} wrap>
            {g.projects.map((p) => (
              <Link key={p.id} to={`/projects/${p.id}`}>
                {p.name}
              </Link>
            ))}
          </Space>
        ),
    },
    {
      key: "interval",
      title: t("groups.columns.reviewInterval"),
      align: "right",
      render: (_, g) => t("groups.days", { count: g.reviewIntervalDays }),
    },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, g) => (
        <Button type="link" size="small" onClick={() => onEdit(g)}>
          {t("common.edit")}
          <span className="sr-only">{` ${g.name}`}</span>
        </Button>
      ),
    },
  ];
  return (
    <Table<WorkingGroup>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={groups}
      loading={loading}
      caption={<span className="sr-only">{t("groups.caption")}</span>}
      pagination={false}
      expandable={{
        expandedRowRender: (g) => <GroupPersons group={g} />,
        rowExpandable: (g) => g.persons.length > 0,
      }}
      scroll={{ x: true }}
    />
  );
}

function GroupPersons({ group }: { group: WorkingGroup }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      title={<span className="subsection-title">{t("groups.personsOf", { name: group.name })}</span>}
      items={group.departments.map((d) => {
        const persons = group.persons.filter((p) => p.departmentId === d.id);
        return {
          key: d.id,
          label: d.name,
          children:
            persons.length === 0
              ? t("groups.noPersonsOfDepartment")
              : persons
                  .map((p) =>
                    [p.name, p.title && `（${p.title}）`, !p.active && t("groups.inactiveSuffix")]
                      .filter(Boolean)
                      .join(""),
                  )
                  .join(t("common.listSeparator")),
        };
      })}
    />
  );
}
