import type { Capability } from "@resettle/domain";

/**
 * Who may call a route, declared on every /api route as `config: { access }`:
 * - "public": anyone, without a session (health, docs, login);
 * - "session": any signed-in user;
 * - a capability from the domain's permission table (403 for roles without it).
 * Finer rules (a coordinator's own department) are checked in the services.
 */
export type Access = "public" | "session" | Capability;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** On a public route: load the session when the request carries one (GET /api/auth/me). */
    session?: "optional";
    /** Open to a session whose password must change first (see plugins/auth.ts); every other route answers 403. */
    duringPasswordChange?: boolean;
  }
}
