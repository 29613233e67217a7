import type { Cause } from "@resettle/domain";
import { Button, Popconfirm, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { ActiveTag } from "../../../components/ui/active-tag";

type Props = {
  causes: Cause[];
  loading: boolean;
  onEdit: (cause: Cause) => void;
  onToggleActive: (cause: Cause) => void;
};

/** The taxonomy is short: one unpaged table in the office's order. */
export function CauseTable({ causes, loading, onEdit, onToggleActive }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Cause> = [
    { key: "sortOrder", title: t("causes.columns.sortOrder"), dataIndex: "sortOrder", width: 96, align: "right" },
    { key: "code", title: t("causes.columns.code"), dataIndex: "code" },
    { key: "name", title: t("causes.columns.name"), dataIndex: "name" },
    { key: "active", title: t("causes.columns.active"), render: (_, c) => <ActiveTag active={c.active} /> },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, c) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(c)}>
            {t("common.edit")}
            <span className="sr-only">{` ${c.name}`}</span>
          </Button>
          <Popconfirm
            title={t(c.active ? "causes.retireConfirm" : "causes.activateConfirm", { name: c.name })}
            okText={t(c.active ? "common.deactivate" : "common.activate")}
            okButtonProps={{ danger: c.active }}
            cancelText={t("common.cancel")}
            onConfirm={() => onToggleActive(c)}
          >
            <Button type="link" size="small" danger={c.active}>
              {t(c.active ? "common.deactivate" : "common.activate")}
              <span className="sr-only">{` ${c.name}`}</span>
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<Cause>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={causes}
      loading={loading}
      caption={<span className="sr-only">{t("causes.caption")}</span>}
      rowClassName={(c) => (c.active ? "" : "row-inactive")}
      pagination={false}
      footer={() => t("causes.count", { count: causes.length, active: causes.filter((c) => c.active).length })}
    />
  );
}
