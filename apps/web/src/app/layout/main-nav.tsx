import { DownOutlined } from "@ant-design/icons";
import { can } from "@resettle/domain";
import { Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { useSessionUser } from "../../features/auth";
import { MyWorkNavLink } from "./my-work-nav-link";

export function MainNav() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const links = [
    { to: "/", label: t("nav.dashboard"), end: true },
    { to: "/projects", label: t("nav.projects"), end: false },
    { to: "/overdue-board", label: t("board.nav"), end: false },
    { to: "/problem-queue", label: t("queue.nav"), end: false },
    { to: "/reviews", label: t("reviews.all.nav"), end: false },
    { to: "/common-problems", label: t("commonProblems.title"), end: false },
  ];
  const adminLinks = [
    { to: "/admin/users", label: t("nav.users"), capability: "accounts.manage" as const },
    { to: "/admin/departments", label: t("nav.departments"), capability: "organisation.manage" as const },
    { to: "/admin/persons", label: t("nav.persons"), capability: "organisation.manage" as const },
    { to: "/admin/causes", label: t("causes.title"), capability: "causes.manage" as const },
    { to: "/admin/working-groups", label: t("groups.title"), capability: "groups.manage" as const },
    { to: "/admin/verification-rules", label: t("verificationRules.title"), capability: "work.verify" as const },
  ].filter((link) => can(user, link.capability));
  const adminActive = pathname.startsWith("/admin/");

  return (
    <nav aria-label={t("app.mainNav")} className="main-nav no-print">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
        {user.departmentId && can(user, "work.update") && (
          <li>
            <MyWorkNavLink />
          </li>
        )}
        {adminLinks.length > 0 && (
          <li>
            <Dropdown
              trigger={["click"]}
              // Keyboard users land in the menu: arrows choose, Enter opens the page.
              autoFocus
              menu={{
                selectedKeys: adminLinks.filter((l) => pathname.startsWith(l.to)).map((l) => l.to),
                items: adminLinks.map((l) => ({ key: l.to, label: <Link to={l.to}>{l.label}</Link> })),
                onClick: ({ key, domEvent }) => {
                  // A click on the link navigates by itself; Enter on the item does not.
                  if (!(domEvent.target as HTMLElement).closest("a")) void navigate(key);
                },
              }}
            >
              <button type="button" className={adminActive ? "nav-menu-button active" : "nav-menu-button"}>
                {t("nav.admin")} <DownOutlined aria-hidden />
              </button>
            </Dropdown>
          </li>
        )}
        {can(user, "audit.read") && (
          <li>
            <NavLink to="/audit">{t("nav.audit")}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
