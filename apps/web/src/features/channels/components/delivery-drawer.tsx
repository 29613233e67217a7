import {
  DeliveryStatusSchema,
  type ChannelDelivery,
  type ChannelDeliveryQuery,
  type DeliveryStatus,
  type NotificationChannel,
} from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Drawer, Form, Select, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { onServerPageChange, serverPagination } from "../../../components/ui/server-table";
import { dateColumn, numberColumn, textColumn } from "../../../components/ui/table-columns";
import { actionErrorMessage } from "../../../lib/error-message";
import { formatDateTime, NO_VALUE } from "../../../lib/format";
import { channelsQueries } from "../api/channels.queries";
import { useRetryDelivery } from "../api/use-save-channel";

const STATUS_COLOR: Record<DeliveryStatus, string> = { pending: "blue", sent: "green", failed: "red" };

/** 发送记录: one channel's deliveries, newest first; those given up in red, each with 重试. */
export function DeliveryDrawer({ channel, onClose }: { channel: NotificationChannel; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState<ChannelDeliveryQuery>({ page: 1, pageSize: 20 });
  const deliveries = useQuery(channelsQueries.deliveries(channel.id, query));
  const retry = useRetryDelivery();

  const onRetry = (delivery: ChannelDelivery) =>
    retry.mutate(delivery.id, {
      onSuccess: () => void message.success(t("channels.deliveries.retried")),
      onError: (error) => void message.error(actionErrorMessage(t, error)),
    });

  const columns: TableColumnsType<ChannelDelivery> = [
    dateColumn({
      key: "createdAt",
      title: t("channels.deliveries.createdAt"),
      render: (d) => formatDateTime(d.createdAt),
    }),
    textColumn({ key: "alert", title: t("channels.deliveries.alert"), text: (d) => d.alertTitle, minWidth: 220 }),
    {
      key: "status",
      title: t("channels.deliveries.status"),
      className: "cell-nowrap",
      render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`channels.statuses.${d.status}`)}</Tag>,
    },
    numberColumn({ key: "attempts", title: t("channels.deliveries.attempts"), render: (d) => d.attempts }),
    {
      key: "lastError",
      title: t("channels.deliveries.lastError"),
      render: (_, d) =>
        d.lastError ? (
          <Typography.Text type={d.status === "sent" ? "secondary" : "danger"}>{d.lastError}</Typography.Text>
        ) : (
          NO_VALUE
        ),
    },
    dateColumn({
      key: "next",
      title: t("channels.deliveries.next"),
      render: (d) => (d.status === "sent" ? formatDateTime(d.sentAt) : formatDateTime(d.nextAttemptAt)),
    }),
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, d) =>
        d.status === "failed" ? (
          <Button
            size="small"
            danger
            loading={retry.isPending && retry.variables === d.id}
            disabled={retry.isPending}
            onClick={() => onRetry(d)}
          >
            {t("common.retry")}
            <span className="sr-only">{` ${d.alertTitle}`}</span>
          </Button>
        ) : null,
    },
  ];

  return (
    <Drawer open width={960} title={t("channels.deliveries.title", { name: channel.name })} onClose={onClose}>
      <Form layout="inline" className="list-filters" role="search" aria-label={t("common.filters")}>
        <Form.Item label={t("channels.deliveries.status")} htmlFor="delivery-filter-status">
          <Select
            id="delivery-filter-status"
            allowClear
            placeholder={t("common.all")}
            style={{ width: 160 }}
            value={query.status}
            options={DeliveryStatusSchema.options.map((s) => ({ value: s, label: t(`channels.statuses.${s}`) }))}
            onChange={(status?: DeliveryStatus) => setQuery({ ...query, status, page: 1 })}
          />
        </Form.Item>
      </Form>
      <QueryView
        query={deliveries}
        skeletonRows={6}
        isEmpty={(page) => page.total === 0}
        emptyDescription={t("channels.deliveries.empty")}
      >
        {(page) => (
          <Table<ChannelDelivery>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={page.items}
            loading={deliveries.isFetching}
            caption={<span className="sr-only">{t("channels.deliveries.caption", { name: channel.name })}</span>}
            onChange={onServerPageChange<ChannelDelivery>(query, (patch) => setQuery({ ...query, ...patch }))}
            pagination={serverPagination(query, page.total, (count) => t("channels.deliveries.count", { count }))}
            scroll={{ x: true }}
          />
        )}
      </QueryView>
    </Drawer>
  );
}
