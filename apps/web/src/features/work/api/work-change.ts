import type { QueryClient } from "@tanstack/react-query";
import { invalidate } from "../../../lib/query-client";
import { dashboardQueries } from "../../dashboard";
import { projectsQueries } from "../../projects";
import { progressQueries } from "./progress.queries";
import { workQueries } from "./work.queries";

/**
 * What a new or changed milestone, item or ledger entry moves: the project's colour, figures,
 * timetable and history, My work, the city's totals and the ledger. Every mutation that changes
 * work refreshes this, whichever feature it belongs to.
 */
export function invalidateAfterWorkChange(queryClient: QueryClient) {
  return invalidate(
    queryClient,
    projectsQueries.all(),
    workQueries.all(),
    dashboardQueries.all(),
    progressQueries.all(),
  );
}
