import { pageOf, UserSchema, type UserListQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

const UserPageSchema = pageOf(UserSchema);

export const usersQueries = {
  all: () => ["users"] as const,
  lists: () => [...usersQueries.all(), "list"] as const,
  list: (query: UserListQuery) =>
    queryOptions({
      queryKey: [...usersQueries.lists(), query],
      queryFn: ({ signal }) => apiGet("/users", UserPageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
    }),
};
