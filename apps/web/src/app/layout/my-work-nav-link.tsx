import { useQuery } from "@tanstack/react-query";
import { Badge } from "antd";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { workQueries } from "../../features/work";

/** 我的待办 with the number overdue: checked again whenever the window regains focus. */
export function MyWorkNavLink() {
  const { t } = useTranslation();
  const { data } = useQuery({ ...workQueries.mine(), refetchOnWindowFocus: "always" });
  const overdue = data?.overdueCount ?? 0;
  return (
    <NavLink to="/my-work" className="nav-with-badge">
      {t("nav.myWork")}
      {overdue > 0 && (
        <>
          <Badge count={overdue} overflowCount={99} className="nav-badge" aria-hidden />
          <span className="sr-only">{t("nav.myWorkOverdue", { count: overdue })}</span>
        </>
      )}
    </NavLink>
  );
}
