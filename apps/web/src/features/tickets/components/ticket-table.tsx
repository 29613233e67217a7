import { canActFor, isTicketOpen, type UtilityTicket, type UtilityTicketPageSchema } from "@resettle/domain";
import { Button, Table, Tag, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import { serverPagination } from "../../../components/ui/server-table";
import { dateColumn, textColumn } from "../../../components/ui/table-columns";
import { formatDateTime, NO_VALUE } from "../../../lib/format";
import { useSessionUser } from "../../auth";

type Props = {
  page: z.infer<typeof UtilityTicketPageSchema>;
  loading: boolean;
  /** Leave out the project column (on a project's own page). */
  hideProject?: boolean;
  label: string;
  onPage: (page: number, pageSize: number) => void;
  onMove: (ticket: UtilityTicket) => void;
};

const STATUS_COLOR = { open: "red", in_progress: "processing", resolved: "green", confirmed: "default" } as const;

/** 水电暖问题, open ones first by deadline; a ticket past its deadline says so in words and in red. */
export function TicketTable({ page, loading, hideProject, label, onPage, onMove }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const columns: TableColumnsType<UtilityTicket> = [
    {
      key: "kind",
      title: t("tickets.kind"),
      className: "cell-nowrap",
      render: (_, ticket) => t(`tickets.kinds.${ticket.kind}`),
    },
    ...(hideProject
      ? []
      : [
          {
            key: "project",
            title: t("tickets.project"),
            className: "cell-nowrap",
            render: (_: unknown, ticket: UtilityTicket) => (
              <Link to={`/projects/${ticket.projectId}?tab=tickets`}>{ticket.projectName}</Link>
            ),
          },
        ]),
    textColumn({
      key: "household",
      title: t("tickets.household"),
      text: (ticket) => ticket.householdName ?? t("tickets.wholeBuilding"),
      minWidth: 90,
    }),
    textColumn({
      key: "description",
      title: t("tickets.description"),
      text: (ticket) => ticket.description,
      minWidth: 180,
    }),
    {
      key: "channel",
      title: t("tickets.channel"),
      className: "cell-nowrap",
      render: (_, ticket) => t(`tickets.channels.${ticket.channel}`),
    },
    dateColumn({
      key: "reportedAt",
      title: t("tickets.reportedAt"),
      render: (ticket) => formatDateTime(ticket.reportedAt),
    }),
    dateColumn({
      key: "deadlineAt",
      title: t("tickets.deadlineAt"),
      render: (ticket) => (
        <>
          {formatDateTime(ticket.deadlineAt)} {ticket.overdue && <Tag color="red">{t("tickets.overdue")}</Tag>}
        </>
      ),
    }),
    textColumn({
      key: "department",
      title: t("tickets.department"),
      text: (ticket) => ticket.responsibleDepartment?.name ?? NO_VALUE,
      minWidth: 90,
    }),
    {
      key: "status",
      title: t("tickets.status"),
      className: "cell-nowrap",
      render: (_, ticket) => <Tag color={STATUS_COLOR[ticket.status]}>{t(`tickets.statuses.${ticket.status}`)}</Tag>,
    },
    {
      key: "actions",
      title: t("common.actions"),
      className: "cell-nowrap no-print",
      render: (_, ticket) =>
        canActFor(user, "work.update", [ticket.responsibleDepartment?.id]) ? (
          <Button
            size="small"
            type={isTicketOpen(ticket.status) ? "primary" : "default"}
            onClick={() => onMove(ticket)}
            aria-label={t("tickets.moveLabel", { description: ticket.description })}
          >
            {isTicketOpen(ticket.status) ? t("tickets.handle") : t("tickets.followUp")}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<UtilityTicket>
      rowKey="id"
      size="small"
      aria-label={label}
      columns={columns}
      dataSource={page.items}
      loading={loading}
      scroll={{ x: "max-content" }}
      rowClassName={(ticket) => (ticket.overdue ? "row-overdue" : "")}
      pagination={serverPagination(page, page.total, (n) => t("tickets.total", { count: n }))}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? page.pageSize)}
      locale={{ emptyText: t("tickets.empty") }}
    />
  );
}
