import { fenToYuan, SubsidyImportResultSchema } from "@resettle/domain";
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { ImportWorkbookDialog } from "../../../components/ui/import-workbook-dialog";
import { invalidateAfterWorkChange } from "../../work";
import { subsidyQueries } from "../api/subsidy.queries";

/**
 * 导入发放记录: the finance office's list of payments, one .xlsx imported whole or not at all; a
 * refused file lists every bad row (row, column, why) and can come back annotated as a workbook.
 */
export function ImportPaymentsDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = `/projects/${encodeURIComponent(projectId)}/subsidy/payments/import`;
  return (
    <ImportWorkbookDialog
      title={t("subsidy.import.title")}
      hint={t("subsidy.import.hint")}
      templatePath="/subsidy/payments-import-template"
      templateLabel={t("subsidy.import.template")}
      uploadPath={path}
      annotated={{
        path: `${path}/annotated`,
        fileName: t("subsidy.import.annotatedName"),
        label: t("subsidy.import.annotated"),
      }}
      result={SubsidyImportResultSchema}
      okText={t("subsidy.import.ok")}
      onDone={({ created, amountFen }) => {
        void message.success(t("subsidy.import.done", { count: created, amount: fenToYuan(amountFen) }));
        void queryClient.invalidateQueries({ queryKey: subsidyQueries.all() });
        void invalidateAfterWorkChange(queryClient);
      }}
      onClose={onClose}
    />
  );
}
