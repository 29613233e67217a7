import { PlusOutlined } from "@ant-design/icons";
import { can, canActFor, type CommonProblem } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../components/ui/export-button";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { QueryView } from "../../components/ui/query-view";
import { useSessionUser } from "../../features/auth";
import {
  CommonProblemFilters,
  CommonProblemFormModal,
  CommonProblemPageQuerySchema,
  commonProblemsQueries,
  CommonProblemTable,
} from "../../features/problems";
import { departmentsQueries, districtsQueries } from "../../features/organisation";
import { useProjectChoices } from "../../features/projects";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/** 共性问题: problems shared by several projects, each with one measure and one responsible department. */
export default function CommonProblemsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("commonProblems.title"));
  const user = useSessionUser();
  const { query, update, reset } = useUrlQuery(CommonProblemPageQuerySchema);
  const problems = useQuery(commonProblemsQueries.list(query));
  const districts = useQuery(districtsQueries.list());
  const projects = useProjectChoices();
  const canManage = can(user, "problems.manage");
  const [editing, setEditing] = useState<CommonProblem | "new" | null>(null);
  const departments = useQuery({ ...departmentsQueries.list(), enabled: editing !== null });

  return (
    <div className="page">
      <PageHeading
        title={t("commonProblems.title")}
        subtitle={t("commonProblems.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/common-problems/export" params={query} />
            <PrintButton />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
                {t("commonProblems.create")}
              </Button>
            )}
          </Space>
        }
      />
      <div className="panel">
        <CommonProblemFilters
          query={query}
          districts={districts.isError ? [] : districts.data}
          projects={projects.isError ? [] : projects.data}
          onChange={update}
          onReset={reset}
        />
        <QueryView query={problems} skeletonRows={8}>
          {(page) => (
            <CommonProblemTable
              problems={page.items}
              total={page.total}
              query={query}
              loading={problems.isFetching}
              onChange={update}
              onEdit={canManage ? setEditing : undefined}
              canUpdateStatus={(p) => canActFor(user, "work.update", [p.responsibleDepartment?.id])}
              allowReopen={user.role === "admin"}
            />
          )}
        </QueryView>
      </div>
      {editing && (
        <CommonProblemFormModal
          problem={editing === "new" ? null : editing}
          districts={districts.data}
          departments={departments.data}
          projects={projects.data}
          defaultProjectId={query.projectId}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
