// The users module's public surface: accounts, administrators only.
export { userRoutes } from "./users.routes.js";
