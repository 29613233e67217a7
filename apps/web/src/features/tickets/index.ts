/** Water, power and heating tickets (水电暖问题, API module `tickets`). Other code imports this feature from here only. */
export { ticketsQueries } from "./api/tickets.queries";
export { DepartmentOverdueTickets } from "./components/department-overdue-tickets";
export { OpenTicketsNotice } from "./components/open-tickets-notice";
export { LocalTicketList, TicketList } from "./components/ticket-list";
