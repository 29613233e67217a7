import { UtilityTicketSchema, type UtilityTicketCreate, type UtilityTicketUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { ticketsQueries } from "./tickets.queries";

/** Records a ticket (anyone signed in); the answer carries its deadline. */
export function useRecordTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UtilityTicketCreate) => apiSend("POST", "/utility-tickets", body, UtilityTicketSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsQueries.all() }),
  });
}

/** Moves a ticket under the version the user saw (409 when someone moved it meanwhile). */
export function useMoveTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UtilityTicketUpdate }) =>
      apiSend("PATCH", `/utility-tickets/${encodeURIComponent(id)}`, body, UtilityTicketSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsQueries.all() }),
  });
}
