// The problems module's public surface: what other modules may use.
export { problemRoutes } from "./problems.routes.js";
export { commonProblemsOfProject } from "./common-problems.service.js";
