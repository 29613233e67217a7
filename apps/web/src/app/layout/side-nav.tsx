import {
  AlertOutlined,
  ApartmentOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  ExclamationCircleOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Layout, Menu, type MenuProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation, useNavigate } from "react-router";
import { useSessionUser } from "../../features/auth";
import { workQueries } from "../../features/work";
import { navGroupsFor, selectedNavKey } from "./nav-entries";
import { useSiderCollapsed } from "./use-sider-collapsed";

const ICONS: Record<string, ReactNode> = {
  "/": <DashboardOutlined />,
  "/overdue-board": <AlertOutlined />,
  "/projects": <ProjectOutlined />,
  "/my-work": <ScheduleOutlined />,
  "/households": <HomeOutlined />,
  "/tickets": <ToolOutlined />,
  "/problem-queue": <ExclamationCircleOutlined />,
  "/reviews": <CommentOutlined />,
  "/common-problems": <ClusterOutlined />,
  "/notices": <FlagOutlined />,
  "/scorecards": <TrophyOutlined />,
  "/reports/briefing": <FileTextOutlined />,
  "/reports/stocktake": <SolutionOutlined />,
  "/admin/users": <UserOutlined />,
  "/admin/departments": <ApartmentOutlined />,
  "/admin/persons": <IdcardOutlined />,
  "/admin/causes": <TagsOutlined />,
  "/admin/working-groups": <TeamOutlined />,
  "/admin/verification-rules": <SafetyCertificateOutlined />,
  "/admin/channels": <NotificationOutlined />,
  "/admin/plan": <ImportOutlined />,
  "/audit": <FileSearchOutlined />,
};

/** 我的待办 with the number overdue: checked again whenever the window regains focus. */
function MyWorkLink({ label }: { label: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({ ...workQueries.mine(), refetchOnWindowFocus: "always" });
  const overdue = data?.overdueCount ?? 0;
  return (
    <NavLink to="/my-work" className="nav-with-badge">
      {label}
      {overdue > 0 && (
        <>
          <Badge count={overdue} overflowCount={99} className="nav-badge" aria-hidden />
          <span className="sr-only">{t("nav.myWorkOverdue", { count: overdue })}</span>
        </>
      )}
    </NavLink>
  );
}

/**
 * The side menu (侧边导航): every page the user may open, grouped, always reachable — the
 * menu scrolls within the window's height and folds to its icons (their names on hover and
 * to screen readers). The entry of the page shown is selected.
 */
export function SideNav() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useSiderCollapsed();
  const groups = navGroupsFor(user);
  const selected = selectedNavKey(groups, pathname);

  const items: MenuProps["items"] = groups.map((group) => ({
    type: "group",
    key: group.key,
    label: t(group.label),
    children: group.entries.map((entry) => ({
      key: entry.to,
      icon: ICONS[entry.to],
      // NavLink marks the page shown to screen readers (aria-current="page").
      label:
        entry.to === "/my-work" ? (
          <MyWorkLink label={t(entry.label)} />
        ) : (
          <NavLink to={entry.to} end={entry.end}>
            {t(entry.label)}
          </NavLink>
        ),
    })),
  }));

  return (
    <Layout.Sider
      className="app-sider no-print"
      theme="light"
      width={216}
      collapsedWidth={64}
      collapsible
      collapsed={collapsed}
      trigger={null}
    >
      <nav id="side-nav" aria-label={t("app.mainNav")} className="side-nav">
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          onClick={({ key, domEvent }) => {
            // A click on the link navigates by itself; Enter on the item (arrow keys) does not.
            if (!(domEvent.target as HTMLElement).closest("a")) void navigate(key);
          }}
        />
      </nav>
      <button
        type="button"
        className="sider-trigger"
        aria-controls="side-nav"
        aria-expanded={!collapsed}
        aria-label={collapsed ? t("nav.expand") : t("nav.collapse")}
        title={collapsed ? t("nav.expand") : t("nav.collapse")}
        onClick={() => setCollapsed(!collapsed)}
      >
        {collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
      </button>
    </Layout.Sider>
  );
}
