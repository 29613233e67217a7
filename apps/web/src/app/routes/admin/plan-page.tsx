import { PlanImportResultSchema, type PlanImportResult } from "@resettle/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportWorkbookDialog } from "../../../components/ui/import-workbook-dialog";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { dashboardQueries } from "../../../features/dashboard";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";

/**
 * 工作方案: the plan loaded, and a new one (or a revision) imported from a workbook — checked first
 * if the office wishes (检查), loaded whole or not at all, every problem listed by sheet, row and column.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("planImport.title"));
  const queryClient = useQueryClient();
  const dashboard = useQuery(dashboardQueries.summary());
  const [dialog, setDialog] = useState<"check" | "import" | null>(null);
  const [result, setResult] = useState<PlanImportResult | null>(null);

  return (
    <div className="page">
      <PageHeading title={t("planImport.title")} subtitle={t("planImport.subtitle")} />
      <div className="panel">
        <QueryView query={dashboard}>
          {(data) =>
            data.plan ? (
              <Descriptions
                column={1}
                size="small"
                title={t("planImport.current")}
                items={[
                  { key: "title", label: t("planImport.planTitle"), children: data.plan.title },
                  { key: "years", label: t("planImport.years"), children: data.plan.years.join("、") },
                  {
                    key: "projects",
                    label: t("planImport.projects"),
                    children: t("planImport.projectsValue", {
                      projects: data.totals.projects,
                      households: formatCount(data.totals.households),
                    }),
                  },
                ]}
              />
            ) : (
              <Alert type="info" showIcon title={t("planImport.none")} />
            )
          }
        </QueryView>
        <Space wrap className="table-toolbar no-print" style={{ marginTop: 16 }}>
          <Button onClick={() => setDialog("check")}>{t("planImport.check")}</Button>
          <Button type="primary" onClick={() => setDialog("import")}>
            {t("planImport.import")}
          </Button>
        </Space>
        {result && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            title={t(result.loaded ? "planImport.loaded" : "planImport.checked", { title: result.title })}
            description={t("planImport.summary", {
              code: result.code,
              years: result.years.join("、"),
              districts: result.districts,
              departments: result.departments,
              projects: result.projects,
              households: formatCount(result.households),
            })}
          />
        )}
      </div>
      {dialog && (
        <ImportWorkbookDialog
          title={t(dialog === "check" ? "planImport.checkTitle" : "planImport.importTitle")}
          hint={t("planImport.hint")}
          templatePath="/plans/template"
          templateLabel={t("planImport.template")}
          uploadPath={dialog === "check" ? "/plans/import?dryRun=true" : "/plans/import"}
          result={PlanImportResultSchema}
          okText={t(dialog === "check" ? "planImport.checkOk" : "planImport.importOk")}
          onDone={(answer) => {
            setResult(answer);
            // A plan loaded changes every figure: read everything again.
            if (answer.loaded) void queryClient.invalidateQueries();
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
