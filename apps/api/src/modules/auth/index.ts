// The auth module's public surface: sign-in, sign-out and one's own password.
export { authRoutes } from "./auth.routes.js";
