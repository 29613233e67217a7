/** 预警与通知 (API module `alerts`): the header's bell and the notification centre. Other code imports this feature from here only. */
export { MarkAllReadButton } from "./components/mark-all-read-button";
export { NotificationBell } from "./components/notification-bell";
export { NotificationList } from "./components/notification-list";
export { RunAlertsButton } from "./components/run-alerts-button";
