import { AlertRunResultSchema } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { alertsQueries } from "./alerts.queries";

/** 标为已读: one of the user's own notifications; the bell and the list read again. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend("POST", `/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertsQueries.all() }),
  });
}

/** 全部标为已读: every one of the user's own unread notifications. */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", "/notifications/read-all"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertsQueries.all() }),
  });
}

/** 立即运行预警 (the office): the rules now; skipped while another run holds the job. */
export function useRunAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", "/alerts/run", {}, AlertRunResultSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertsQueries.all() }),
  });
}
