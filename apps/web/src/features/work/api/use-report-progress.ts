import { ProgressReportSchema, type ProgressReportCreate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "./work-change";

/** A report or a correction moves the project's figures and colour and the city's totals, besides the ledger. */
export function useReportProgress(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgressReportCreate) =>
      apiSend("POST", `/projects/${encodeURIComponent(projectId)}/progress-reports`, body, ProgressReportSchema),
    onSuccess: () => invalidateAfterWorkChange(queryClient),
  });
}
