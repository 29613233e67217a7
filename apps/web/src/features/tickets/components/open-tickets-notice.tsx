import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ticketsQueries } from "../api/tickets.queries";

const SHOWN = 3;

/**
 * What a working group should know when it reviews a project: its water, power and heating
 * problems not yet resolved, how many past their deadline, the first few named, and a link to
 * them all. Nothing while there are none.
 */
export function OpenTicketsNotice({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const open = useQuery(ticketsQueries.list({ projectId, unresolved: true, page: 1, pageSize: SHOWN }));
  const late = useQuery({
    ...ticketsQueries.list({ projectId, overdue: true, page: 1, pageSize: 1 }),
    select: (page) => page.total,
  });
  if (!open.data || open.data.total === 0) return null;
  return (
    <Alert
      type={late.data ? "error" : "warning"}
      showIcon
      className="form-alert"
      title={t("tickets.openInProject", { count: open.data.total, overdue: late.data ?? 0 })}
      description={
        <ul className="plain-list">
          {open.data.items.map((ticket) => (
            <li key={ticket.id}>
              {t(`tickets.kinds.${ticket.kind}`)}：{ticket.description}
              {ticket.overdue ? `（${t("tickets.overdue")}）` : ""}
            </li>
          ))}
        </ul>
      }
      action={<Link to={`/projects/${projectId}?tab=tickets`}>{t("tickets.toBoard")}</Link>}
    />
  );
}
