import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { isApiError } from "./api-error";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // A supervisor printing a page should not see it reload under the print dialog.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => (!isApiError(error) || error.isTransient) && failureCount < 2,
      },
    },
  });
}

/** Marks what lies under each key stale; resolves once the queries on screen have reloaded. */
export function invalidate(queryClient: QueryClient, ...queryKeys: QueryKey[]) {
  return Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
