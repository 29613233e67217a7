import type { Person } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { personsQueries } from "./persons.queries";

/** Persons by id, to show names and demo marks where only an id or a bare name is at hand. */
export function usePersonDirectory(): ReadonlyMap<string, Person> | undefined {
  const { data } = useQuery({
    ...personsQueries.everyone(),
    select: (page) => new Map(page.items.map((person) => [person.id, person])),
  });
  return data;
}
