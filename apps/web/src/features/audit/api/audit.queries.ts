import { AuditActorSchema, AuditEventSchema, pageOf, type AuditQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

const AuditPageSchema = pageOf(AuditEventSchema);

/** Who has acted at least once: the options of the actor filter. */
const AuditActorsSchema = z.array(AuditActorSchema);
export type { AuditActor } from "@resettle/domain";

export const auditQueries = {
  all: () => ["audit"] as const,
  list: (query: AuditQuery) =>
    queryOptions({
      queryKey: [...auditQueries.all(), "list", query],
      queryFn: ({ signal }) => apiGet("/audit-events", AuditPageSchema, { params: query, signal }),
      placeholderData: keepPreviousData,
      // A trail is read to see what just happened: never from a minute-old cache.
      staleTime: 0,
    }),
  actors: () =>
    queryOptions({
      queryKey: [...auditQueries.all(), "actors"],
      queryFn: ({ signal }) => apiGet("/audit-events/actors", AuditActorsSchema, { signal }),
    }),
};
