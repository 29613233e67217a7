import type { ProjectListQuery } from "@resettle/domain";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readListQuery, writeListQuery } from "./list-query-params";

export type UpdateListQuery = (patch: Partial<ProjectListQuery>) => void;

/** The projects list state, kept in the URL search params rather than in React state. */
export function useProjectListQuery(): { query: ProjectListQuery; update: UpdateListQuery; reset: () => void } {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readListQuery(params), [params]);
  const update = useCallback<UpdateListQuery>(
    (patch) => setParams(writeListQuery({ ...query, ...patch })),
    [query, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { query, update, reset };
}
