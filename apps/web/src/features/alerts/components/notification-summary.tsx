import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import type { NotificationRead } from "../api/alerts.queries";
import { describeWhen } from "../lib/notification-time";
import { RuleTag } from "./rule-tag";

/** One notification in the bell's menu: its rule, when (the exact time on hover), what; unread in bold. */
export function NotificationSummary({ notification, now }: { notification: NotificationRead; now: Date }) {
  const { t } = useTranslation();
  const unread = !notification.readAt;
  return (
    <div className="notification-summary">
      <div className="notification-summary-head">
        <RuleTag rule={notification.rule} />
        <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
          {describeWhen(notification.createdAt, now, t)}
        </time>
        {unread && <span className="notification-dot" aria-hidden />}
      </div>
      <div className="notification-summary-title">
        {unread && <span className="sr-only">{t("alerts.unreadMark")}</span>}
        {notification.title}
      </div>
    </div>
  );
}
