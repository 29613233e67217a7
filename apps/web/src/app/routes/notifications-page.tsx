import { can, NotificationQuerySchema } from "@resettle/domain";
import { Space } from "antd";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { useSessionUser } from "../../features/auth";
import { MarkAllReadButton, NotificationList, RunAlertsButton } from "../../features/alerts";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * 通知中心: what the alert rules told this user, newest first; all, unread or read, in the
 * address. The office may run the rules now.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  useDocumentTitle(t("alerts.pageTitle"));
  const { query, update } = useUrlQuery(NotificationQuerySchema);
  return (
    <div className="page">
      <PageHeading
        title={t("alerts.pageTitle")}
        subtitle={t("alerts.subtitle")}
        extra={
          <Space wrap className="no-print">
            <ExportButton path="/notifications/export" params={{ unread: query.unread }} />
            <MarkAllReadButton />
            {can(user, "alerts.run") && <RunAlertsButton />}
          </Space>
        }
      />
      <div className="panel">
        <NotificationList query={query} onChange={update} label={t("alerts.tableLabel")} />
      </div>
    </div>
  );
}
