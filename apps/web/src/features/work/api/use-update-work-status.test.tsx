import { QueryClientProvider, type QueryKey } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { milestone } from "../../../test/work.fixture";
import { createTestQueryClient } from "../../../test/render-with-providers";
import { dashboardQueries } from "../../dashboard";
import { departmentsQueries } from "../../organisation";
import { projectsQueries } from "../../projects";
import { reviewsQueries } from "../../reviews";
import { progressQueries } from "./progress.queries";
import { useUpdateWorkStatus } from "./use-update-work-status";
import { workQueries } from "./work.queries";

/** What the project page, My work and the dashboard had read, and two lists a status does not move. */
const moved: QueryKey[] = [
  projectsQueries.detail(milestone.projectId).queryKey,
  projectsQueries.lists(),
  workQueries.mine().queryKey,
  dashboardQueries.summary().queryKey,
  progressQueries.ledger(milestone.projectId, 1, 10).queryKey,
];
const unmoved: QueryKey[] = [departmentsQueries.list().queryKey, reviewsQueries.lists()];

function renderUpdate() {
  const queryClient = createTestQueryClient();
  for (const queryKey of [...moved, ...unmoved]) queryClient.setQueryData(queryKey, {});
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useUpdateWorkStatus(), { wrapper });
  const invalidated = (queryKey: QueryKey) => queryClient.getQueryState(queryKey)?.isInvalidated;
  return { update: result, invalidated };
}

const doneOnVersion1 = {
  ref: { type: "milestone", id: milestone.id },
  change: { status: "done", version: 1 },
} as const;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("useUpdateWorkStatus", () => {
  it("refreshes the project, My work, the city's totals and the ledger after a move", async () => {
    stubFetch({
      status: 200,
      body: { ...milestone, status: "done", completedAt: "2026-11-26T02:00:00.000Z", version: 2 },
    });
    setCsrfToken("csrf-1");
    const { update, invalidated } = renderUpdate();

    await update.current.mutateAsync(doneOnVersion1);

    for (const queryKey of moved) expect(invalidated(queryKey), JSON.stringify(queryKey)).toBe(true);
    for (const queryKey of unmoved) expect(invalidated(queryKey), JSON.stringify(queryKey)).toBe(false);
  });

  it("refreshes them after a 409 too: what they show is out of date", async () => {
    const current = { ...milestone, status: "blocked", blockedReason: "资金未到位", version: 2 };
    stubFetch({ status: 409, body: { error: { code: "CONFLICT", message: "stale", current, requestId: "r1" } } });
    setCsrfToken("csrf-1");
    const { update, invalidated } = renderUpdate();

    await expect(update.current.mutateAsync(doneOnVersion1)).rejects.toMatchObject({ status: 409 });

    for (const queryKey of moved) expect(invalidated(queryKey), JSON.stringify(queryKey)).toBe(true);
    for (const queryKey of unmoved) expect(invalidated(queryKey), JSON.stringify(queryKey)).toBe(false);
  });
});
