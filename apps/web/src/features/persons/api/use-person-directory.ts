import type { Person } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { personsQueries } from "./persons.queries";

// The API caps a page at 100; the plan's departments name far fewer responsible persons.
const DIRECTORY_QUERY = { page: 1, pageSize: 100 };

/** Persons by id, to show names and demo marks where only an id or a bare name is at hand. */
export function usePersonDirectory(): ReadonlyMap<string, Person> | undefined {
  const { data } = useQuery({
    ...personsQueries.list(DIRECTORY_QUERY),
    select: (page) => new Map(page.items.map((person) => [person.id, person])),
  });
  return data;
}
