import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ImportWorkbookDialog } from "../../../components/ui/import-workbook-dialog";
import { invalidateAfterWorkChange } from "../../work";
import { householdsQueries } from "../api/households.queries";

const ImportedSchema = z.object({ created: z.number().int() });

/**
 * 导入回迁户: the registry's template, one .xlsx imported whole or not at all; a refused file
 * lists every bad row and can come back annotated as a workbook.
 */
export function ImportHouseholdsDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = `/projects/${encodeURIComponent(projectId)}/households/import`;
  return (
    <ImportWorkbookDialog
      title={t("households.import.title")}
      hint={t("households.import.hint")}
      templatePath="/households/import-template"
      templateLabel={t("households.import.template")}
      uploadPath={path}
      annotated={{
        path: `${path}/annotated`,
        fileName: t("households.import.annotatedName"),
        label: t("households.import.annotated"),
      }}
      result={ImportedSchema}
      okText={t("households.import.ok")}
      onDone={({ created }) => {
        void message.success(t("households.import.done", { count: created }));
        void queryClient.invalidateQueries({ queryKey: householdsQueries.all() });
        void invalidateAfterWorkChange(queryClient);
      }}
      onClose={onClose}
    />
  );
}
