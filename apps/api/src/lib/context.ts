import type { FastifyRequest } from "fastify";
import type { SessionUser } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "./app-error.js";
import type { Clock } from "./clock.js";
import { clientRequestIdOf } from "./request-id.js";

/** Who acts: the signed-in user (for rule checks), the name the audit trail shows, the request it came with. */
type Actor = { id: string; name: string; requestId: string; clientRequestId: string | null; user: SessionUser };

/**
 * What every service function receives first, built once per request by the routes: the
 * database, who acts, and the clock (tests pass their own database and a fixed clock).
 * Services take `(ctx, input)`: this, and one object saying what to do.
 */
export type ServiceContext = { db: PrismaClient; actor: Actor; clock: Clock };

/** A transaction, or the client itself where a read needs none. */
export type Db = Prisma.TransactionClient | PrismaClient;
export type Tx = Prisma.TransactionClient;

/** The context of a request that carries a session (every route but the public ones). */
export function contextOf(request: FastifyRequest, deps: { prisma: PrismaClient; clock: Clock }): ServiceContext {
  const user = request.session?.user;
  if (!user) throw new AppError("UNAUTHORIZED", "Please sign in");
  return {
    db: deps.prisma,
    clock: deps.clock,
    actor: {
      id: user.id,
      name: user.displayName,
      requestId: String(request.id),
      clientRequestId: clientRequestIdOf(request),
      user,
    },
  };
}
