import { pageOf, PersonSchema, type PersonQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

const PersonPageSchema = pageOf(PersonSchema);

export type PersonListQuery = Partial<PersonQuery> & { page: number; pageSize: number };

/** Every person in one page: the API allows 500, far more than the plan's departments name. */
const ALL_PERSONS_QUERY: PersonListQuery = { page: 1, pageSize: 500 };

export const personsQueries = {
  all: () => ["persons"] as const,
  lists: () => [...personsQueries.all(), "list"] as const,
  list: (query: PersonListQuery) =>
    queryOptions({
      queryKey: [...personsQueries.lists(), query],
      queryFn: ({ signal }) => apiGet("/persons", PersonPageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
    }),
  /** All persons, active or not: names in history stay readable after someone leaves. */
  everyone: () => personsQueries.list(ALL_PERSONS_QUERY),
};
