import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function ProjectBreadcrumb({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      aria-label={t("project.breadcrumb")}
      className="page-breadcrumb"
      items={[
        { key: "dashboard", title: <Link to="/">{t("nav.dashboard")}</Link> },
        { key: "projects", title: <Link to="/projects">{t("nav.projects")}</Link> },
        ...(name ? [{ key: "project", title: <span aria-current="page">{name}</span> }] : []),
      ]}
    />
  );
}
