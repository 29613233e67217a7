import type { NotificationChannel } from "@resettle/domain";
import { Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { ActiveTag } from "../../../components/ui/active-tag";
import { CellText } from "../../../components/ui/cell-text";
import { formatDateTime, NO_VALUE } from "../../../lib/format";

type Props = {
  channels: NotificationChannel[];
  departmentName: (id: string) => string | undefined;
  /** The channel whose test message is on its way. */
  testing: string | null;
  busy: boolean;
  onEdit: (channel: NotificationChannel) => void;
  onTest: (channel: NotificationChannel) => void;
  onDeliveries: (channel: NotificationChannel) => void;
  onToggle: (channel: NotificationChannel) => void;
};

/** Few enough to list at once: the API answers them all. */
export function ChannelTable({ channels, departmentName, testing, busy, ...actions }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<NotificationChannel> = [
    { key: "name", title: t("channels.columns.name"), dataIndex: "name" },
    { key: "kind", title: t("channels.columns.kind"), render: (_, c) => t(`channels.kinds.${c.kind}`) },
    {
      key: "department",
      title: t("channels.columns.department"),
      render: (_, c) => (c.departmentId ? (departmentName(c.departmentId) ?? NO_VALUE) : t("channels.allDepartments")),
    },
    { key: "enabled", title: t("channels.columns.enabled"), render: (_, c) => <ActiveTag active={c.enabled} /> },
    {
      key: "failures",
      title: t("channels.columns.lastFailure"),
      render: (_, c) => (
        <Space direction="vertical" size={2}>
          {c.failedDeliveries > 0 && <Tag color="red">{t("channels.failedCount", { count: c.failedDeliveries })}</Tag>}
          {c.lastFailure ? (
            <>
              <Typography.Text type="danger">
                <CellText text={c.lastFailure.error} lines={2} minWidth={200} />
              </Typography.Text>
              <span className="form-hint">{formatDateTime(c.lastFailure.at)}</span>
            </>
          ) : (
            NO_VALUE
          )}
        </Space>
      ),
    },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, c) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => actions.onEdit(c)}>
            {t("common.edit")}
            <span className="sr-only">{` ${c.name}`}</span>
          </Button>
          <Button
            type="link"
            size="small"
            loading={testing === c.id}
            disabled={testing !== null && testing !== c.id}
            onClick={() => actions.onTest(c)}
          >
            {t("channels.test")}
            <span className="sr-only">{` ${c.name}`}</span>
          </Button>
          <Button type="link" size="small" onClick={() => actions.onDeliveries(c)}>
            {t("channels.deliveries.open")}
            <span className="sr-only">{` ${c.name}`}</span>
          </Button>
          <Popconfirm
            title={t(c.enabled ? "channels.disableConfirm" : "channels.enableConfirm", { name: c.name })}
            okText={t(c.enabled ? "common.deactivate" : "common.activate")}
            cancelText={t("common.cancel")}
            onConfirm={() => actions.onToggle(c)}
          >
            <Button type="link" size="small" danger={c.enabled} disabled={busy}>
              {t(c.enabled ? "common.deactivate" : "common.activate")}
              <span className="sr-only">{` ${c.name}`}</span>
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<NotificationChannel>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={channels}
      caption={<span className="sr-only">{t("channels.caption")}</span>}
      rowClassName={(c) => (c.enabled ? "" : "row-inactive")}
      pagination={false}
      scroll={{ x: true }}
    />
  );
}
