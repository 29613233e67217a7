import { CommonProblemSchema, pageOf } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";
import type { CommonProblemPageQuery } from "../lib/common-problem-query";

const CommonProblemPageSchema = pageOf(CommonProblemSchema);

export const commonProblemsQueries = {
  all: () => ["common-problems"] as const,
  list: (query: CommonProblemPageQuery) =>
    queryOptions({
      queryKey: [...commonProblemsQueries.all(), "list", query],
      queryFn: ({ signal }) => apiGet("/common-problems", CommonProblemPageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
    }),
};
