import { CheckOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button } from "antd";
import { useTranslation } from "react-i18next";
import { actionErrorMessage } from "../../../lib/error-message";
import { alertsQueries } from "../api/alerts.queries";
import { useMarkAllNotificationsRead } from "../api/use-notifications";

/** 全部标为已读, offered while something is unread (the bell's count says how much). */
export function MarkAllReadButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const latest = useQuery(alertsQueries.latest());
  const markAll = useMarkAllNotificationsRead();
  if (!latest.data?.unread) return null;
  return (
    <Button
      icon={<CheckOutlined />}
      loading={markAll.isPending}
      onClick={() =>
        markAll.mutate(undefined, {
          onSuccess: () => void message.success(t("alerts.allRead")),
          onError: (error) => void message.error(actionErrorMessage(t, error)),
        })
      }
    >
      {t("alerts.readAll")}
    </Button>
  );
}
