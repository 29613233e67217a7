import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ticketsQueries } from "../api/tickets.queries";
import { LocalTicketList } from "./ticket-list";

/**
 * My work's 超时的水电暖问题: the department's tickets past their deadline, nearest first; nothing
 * at all while there are none.
 */
export function DepartmentOverdueTickets({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const initial = { departmentId, overdue: true, page: 1, pageSize: 10 };
  const count = useQuery({ ...ticketsQueries.list(initial), select: (page) => page.total });
  if (!count.data) return null;
  return (
    <section className="my-work-tickets">
      <Alert
        type="error"
        showIcon
        className="form-alert"
        title={t("tickets.mineOverdue", { count: count.data })}
        action={<Link to={`/tickets?departmentId=${departmentId}&overdue=true`}>{t("tickets.toBoard")}</Link>}
      />
      <LocalTicketList initial={initial} filters={false} canRecord={false} label={t("tickets.mineLabel")} />
    </section>
  );
}
