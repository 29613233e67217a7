import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { dashboardQueries } from "../../features/dashboard";
import { progressQueries, workQueries } from "../../features/work";
import { projectsQueries } from "../../features/projects";

/**
 * A status change or a report moves a project's colour, its figures and the city's totals:
 * everything that shows them reloads.
 */
export function useRefreshAfterWork() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    for (const queryKey of [projectsQueries.all(), workQueries.all(), dashboardQueries.all(), progressQueries.all()])
      void queryClient.invalidateQueries({ queryKey });
  }, [queryClient]);
}
