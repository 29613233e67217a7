import { AuditQuerySchema, can, UserListQuerySchema, type AuditEvent } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { QueryView } from "../../components/ui/query-view";
import { AuditFilters, auditQueries, AuditTable, createAuditValueFormatter } from "../../features/audit";
import { useSessionUser } from "../../features/auth";
import { departmentsQueries, districtsQueries, personsQueries } from "../../features/organisation";
import { DEFAULT_LIST_QUERY, projectsQueries } from "../../features/projects";
import { usersQueries } from "../../features/users";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

// Names for the ids in the trail. The API's largest pages cover the plan's projects and accounts.
const ALL_PROJECTS = { ...DEFAULT_LIST_QUERY, pageSize: 100 };
const ALL_USERS = { ...UserListQuerySchema.parse({}), pageSize: 100 };

const byId = <T extends { id: string }>(items: T[] | undefined, name: (item: T) => string) =>
  new Map((items ?? []).map((item) => [item.id, name(item)]));

export default function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("audit.title"));
  const user = useSessionUser();
  const { query, update, reset } = useUrlQuery(AuditQuerySchema);
  const events = useQuery(auditQueries.list(query));
  const actors = useQuery(auditQueries.actors());
  const projects = useQuery(projectsQueries.list(ALL_PROJECTS));
  const departments = useQuery(departmentsQueries.list());
  const persons = useQuery(personsQueries.everyone());
  const districts = useQuery(districtsQueries.list());
  // Only administrators may list accounts; others see account ids.
  const users = useQuery({ ...usersQueries.list(ALL_USERS), enabled: can(user, "accounts.manage") });

  const names = {
    project: byId(projects.data?.items, (p) => p.name),
    department: byId(departments.data, (d) => d.name),
    person: byId(persons.data?.items, (p) => p.name),
    user: byId(users.data?.items, (u) => u.displayName),
    district: byId(districts.data, (d) => d.name),
  };
  const formatValue = createAuditValueFormatter(t, {
    departmentName: (id) => names.department.get(id),
    personName: (id) => names.person.get(id),
    districtName: (id) => names.district.get(id),
  });

  // The server names every record in words (entityLabel); an id shows only where it could not.
  const renderEntity = (event: AuditEvent) => {
    const type = t(`enums.auditEntityType.${event.entityType}`);
    const id = event.entityId;
    if (event.entityType === "project") {
      return (
        <>
          {type} <Link to={`/projects/${id}`}>{event.entityLabel ?? names.project.get(id) ?? id}</Link>
        </>
      );
    }
    const lookup = { department: names.department, person: names.person, user: names.user, session: names.user };
    const known = event.entityType in lookup ? lookup[event.entityType as keyof typeof lookup].get(id) : undefined;
    const name = event.entityLabel ?? known;
    const project = event.projectId ? names.project.get(event.projectId) : undefined;
    const href =
      event.entityType === "review" ? `/reviews/${id}` : event.projectId ? `/projects/${event.projectId}` : null;
    return (
      <>
        {type}{" "}
        {name ? (
          href ? (
            <Link to={href}>{name}</Link>
          ) : (
            name
          )
        ) : (
          <Typography.Text code copyable={{ text: id }} title={id} className="entity-id">
            {id.slice(0, 8)}
          </Typography.Text>
        )}
        {project && event.entityType !== "review" && <span className="section-hint"> · {project}</span>}
      </>
    );
  };

  return (
    <div className="page">
      <PageHeading
        title={t("audit.title")}
        subtitle={t("audit.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/audit-events/export" params={query} />
            <PrintButton />
          </Space>
        }
      />
      <div className="panel">
        <AuditFilters query={query} actors={actors.isError ? [] : actors.data} onChange={update} onReset={reset} />
        <QueryView query={events} skeletonRows={10}>
          {(page) => (
            <AuditTable
              events={page.items}
              total={page.total}
              query={query}
              loading={events.isFetching}
              onChange={update}
              renderEntity={renderEntity}
              formatValue={formatValue}
            />
          )}
        </QueryView>
      </div>
    </div>
  );
}
