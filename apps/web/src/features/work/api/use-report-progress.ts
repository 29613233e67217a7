import { ProgressReportSchema, type ProgressReportCreate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { progressQueries } from "./progress.queries";

export function useReportProgress(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgressReportCreate) =>
      apiSend("POST", `/projects/${encodeURIComponent(projectId)}/progress-reports`, body, ProgressReportSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressQueries.ledger(projectId).queryKey }),
  });
}
