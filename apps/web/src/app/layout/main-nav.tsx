import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export function MainNav() {
  const { t } = useTranslation();
  const links = [
    { to: "/", label: t("nav.dashboard"), end: true },
    { to: "/projects", label: t("nav.projects"), end: false },
  ];
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
      </ul>
    </nav>
  );
}
