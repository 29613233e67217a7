import { useQuery } from "@tanstack/react-query";
import { Radio, Space } from "antd";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { alertsQueries, type NotificationListQuery } from "../api/alerts.queries";
import { NotificationTable } from "./notification-table";

type Shown = "all" | "unread" | "read";
const SHOWN: Record<Shown, boolean | undefined> = { all: undefined, unread: true, read: false };
const shownOf = (unread: boolean | undefined): Shown =>
  unread === true ? "unread" : unread === false ? "read" : "all";

type Props = {
  query: NotificationListQuery;
  onChange: (patch: Partial<NotificationListQuery>) => void;
  label: string;
};

/** 通知中心: all, unread or read, a page at a time (the filter and page live in the address). */
export function NotificationList({ query, onChange, label }: Props) {
  const { t } = useTranslation();
  const list = useQuery(alertsQueries.list(query));
  const shown = shownOf(query.unread);
  return (
    <section aria-label={label}>
      <Space wrap className="table-toolbar">
        <Radio.Group
          optionType="button"
          aria-label={t("alerts.filter")}
          value={shown}
          onChange={(e) => onChange({ unread: SHOWN[e.target.value as Shown], page: 1 })}
          options={(["all", "unread", "read"] as const).map((value) => ({
            value,
            label: t(`alerts.shown.${value}`),
          }))}
        />
      </Space>
      <QueryView query={list} skeletonRows={5}>
        {(page) => (
          <NotificationTable
            page={page}
            loading={list.isFetching}
            label={label}
            emptyText={t(`alerts.none.${shown}`)}
            onPage={(p, pageSize) => onChange({ page: pageSize === query.pageSize ? p : 1, pageSize })}
          />
        )}
      </QueryView>
    </section>
  );
}
