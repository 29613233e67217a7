import { BellOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { alertsQueries, type NotificationRead } from "../api/alerts.queries";
import { useMarkAllNotificationsRead, useMarkNotificationRead } from "../api/use-notifications";
import { NotificationSummary } from "./notification-summary";
import "../alerts.css";

const READ_ALL = "read-all";
const SEE_ALL = "see-all";

/**
 * The header's bell: the count unread, and the latest notifications in a menu; one opened is
 * read and leads to its record. A bell that cannot read its notifications shows nothing rather
 * than an error in the header; it tries again with the next minute.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const latest = useQuery(alertsQueries.latest());
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const page = latest.data;
  if (!page && latest.isError) return null;

  const unread = page?.unread ?? 0;
  const now = new Date();
  const byId = new Map(page?.items.map((n) => [n.id, n]));
  const open = (notification: NotificationRead) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    // Links are the app's own addresses; anything else is not followed.
    if (notification.link.startsWith("/")) void navigate(notification.link);
  };
  const items: MenuProps["items"] = [
    ...(page && page.items.length > 0
      ? page.items.map((n) => ({
          key: n.id,
          className: n.readAt ? "notification-item" : "notification-item notification-unread",
          label: <NotificationSummary notification={n} now={now} />,
        }))
      : [{ key: "none", disabled: true, label: page ? t("alerts.empty") : t("alerts.bell.loading") }]),
    { type: "divider" as const },
    ...(unread > 0 ? [{ key: READ_ALL, label: t("alerts.readAll"), disabled: markAll.isPending }] : []),
    { key: SEE_ALL, label: t("alerts.bell.seeAll") },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === SEE_ALL) void navigate("/notifications");
    else if (key === READ_ALL) markAll.mutate();
    else {
      const notification = byId.get(key);
      if (notification) open(notification);
    }
  };

  return (
    <Dropdown
      trigger={["click"]}
      autoFocus
      placement="bottomRight"
      menu={{ items, onClick, className: "notification-menu" }}
      popupRender={(menu) => (
        <div className="notification-popup">
          <div className="notification-popup-head">
            {unread > 0 ? t("alerts.bell.headingUnread", { count: unread }) : t("alerts.bell.heading")}
          </div>
          {menu}
        </div>
      )}
    >
      <button
        type="button"
        className="notification-bell no-print"
        aria-label={unread > 0 ? t("alerts.bell.labelUnread", { count: unread }) : t("alerts.bell.label")}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined aria-hidden className="notification-bell-icon" />
        </Badge>
      </button>
    </Dropdown>
  );
}
