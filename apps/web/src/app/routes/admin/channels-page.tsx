import { PlusOutlined } from "@ant-design/icons";
import type { NotificationChannel } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import {
  ChannelFormModal,
  channelsQueries,
  ChannelTable,
  DeliveryDrawer,
  useTestChannel,
  useUpdateChannel,
} from "../../../features/channels";
import { departmentsQueries } from "../../../features/organisation";
import { actionErrorMessage } from "../../../lib/error-message";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** 推送渠道: 企业微信 / 钉钉 group robots and e-mail, their failures, 发送测试 and the delivery log. */
export default function ChannelsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  useDocumentTitle(t("channels.title"));
  const channels = useQuery(channelsQueries.list());
  const departments = useQuery(departmentsQueries.list());
  const [editing, setEditing] = useState<NotificationChannel | "new" | null>(null);
  const [viewing, setViewing] = useState<NotificationChannel | null>(null);
  const toggle = useUpdateChannel();
  const test = useTestChannel();

  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name;

  const toggleEnabled = (channel: NotificationChannel) =>
    toggle.mutate(
      { id: channel.id, changes: { kind: channel.kind, enabled: !channel.enabled, version: channel.version } },
      {
        onSuccess: (saved) => void message.success(t(saved.enabled ? "channels.enabled" : "channels.disabled")),
        onError: (error) => void message.error(actionErrorMessage(t, error)),
      },
    );
  const sendTest = (channel: NotificationChannel) =>
    test.mutate(channel.id, {
      onSuccess: (result) => {
        if (result.ok) void message.success(t("channels.testOk", { name: channel.name }));
        else
          modal.error({
            title: t("channels.testFailed", { name: channel.name }),
            content: <Typography.Text type="danger">{result.error}</Typography.Text>,
          });
      },
      onError: (error) => void message.error(actionErrorMessage(t, error)),
    });

  return (
    <div className="page">
      <PageHeading
        title={t("channels.title")}
        subtitle={t("channels.subtitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
            {t("channels.create")}
          </Button>
        }
      />
      <div className="panel">
        <QueryView
          query={channels}
          skeletonRows={4}
          isEmpty={(list) => list.length === 0}
          emptyDescription={t("channels.empty")}
        >
          {(list) => (
            <ChannelTable
              channels={list}
              departmentName={departmentName}
              testing={test.isPending ? (test.variables ?? null) : null}
              busy={toggle.isPending}
              onEdit={setEditing}
              onTest={sendTest}
              onDeliveries={setViewing}
              onToggle={toggleEnabled}
            />
          )}
        </QueryView>
      </div>
      {editing && (
        <ChannelFormModal
          channel={editing === "new" ? null : editing}
          departments={departments.data}
          onClose={() => setEditing(null)}
        />
      )}
      {viewing && <DeliveryDrawer channel={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}
