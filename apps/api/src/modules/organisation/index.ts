// The organisation module's public surface: districts, departments and persons.
export { organisationRoutes } from "./organisation.routes.js";
