import type { ResponsibilityAssignment } from "@resettle/domain";
import { Table, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";

type Props = {
  history: ResponsibilityAssignment[];
  renderPerson: (personId: string, name: string) => ReactNode;
  caption: string;
  compact?: boolean;
};

/** Every assignment, newest first: time, department, person, who decided, and why. */
export function ResponsibilityHistory({ history, renderPerson, caption, compact = false }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ResponsibilityAssignment> = [
    dateColumn({ key: "at", title: t("responsibility.history.at"), render: (a) => formatDateTime(a.assignedAt) }),
    { key: "department", title: t("responsibility.history.department"), render: (_, a) => a.department.name },
    {
      key: "person",
      title: t("responsibility.history.person"),
      render: (_, a) => (a.person ? renderPerson(a.person.id, a.person.name) : t("project.notSet")),
    },
    {
      key: "by",
      title: t("responsibility.history.by"),
      render: (_, a) => a.assignedBy?.name ?? t("responsibility.history.system"),
    },
    textColumn({ key: "reason", title: t("responsibility.history.reason"), text: (a) => a.reason }),
  ];
  return (
    <Table<ResponsibilityAssignment>
      rowKey="id"
      size={compact ? "small" : "middle"}
      pagination={history.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
      columns={columns}
      dataSource={history}
      caption={<span className="sr-only">{caption}</span>}
      locale={{ emptyText: t("responsibility.history.empty") }}
      scroll={{ x: true }}
    />
  );
}
