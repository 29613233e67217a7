// The reviews module's public surface: working groups, reviews (研判会) and the problem queue.
export { reviewRoutes } from "./reviews.routes.js";
export { readUnsignedReviews } from "./reviews.service.js";
