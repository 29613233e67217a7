import { pageOf, PersonSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

const PersonPageSchema = pageOf(PersonSchema);

export type PersonListQuery = { departmentId?: string; page: number; pageSize: number };

export const personsQueries = {
  all: () => ["persons"] as const,
  list: (query: PersonListQuery) =>
    queryOptions({
      queryKey: [...personsQueries.all(), "list", query],
      queryFn: ({ signal }) => apiGet("/persons", PersonPageSchema, { params: query, signal }),
    }),
};
