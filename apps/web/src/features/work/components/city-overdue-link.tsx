import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { workQueries } from "../api/work.queries";

// One row is enough: the board's total is the city's overdue count.
const COUNT_ONLY = { page: 1, pageSize: 1 } as const;

/**
 * For the office and leaders, whose own department is responsible for little or nothing: My
 * work points to the city's overdue work (全市待办) rather than standing empty.
 */
export function CityOverdueLink() {
  const { t } = useTranslation();
  const board = useQuery(workQueries.overdue(COUNT_ONLY));
  if (!board.data) return null;
  return (
    <Alert
      className="my-work-city no-print"
      type={board.data.total > 0 ? "warning" : "info"}
      showIcon
      title={t("board.myWorkHint")}
      action={<Link to="/overdue-board">{t("board.myWorkLink", { count: board.data.total })}</Link>}
    />
  );
}
