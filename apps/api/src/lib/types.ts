import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { PrismaClient } from "@resettle/prisma/client";
import type { Clock } from "./clock.js";
import type { SessionSettings } from "../plugins/auth.js";
import type { FileStore } from "./file-store.js";
import type { Transports } from "../modules/channels/index.js";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every feature module receives: its dependencies, passed in rather than imported. */
export type ModuleDeps = {
  prisma: PrismaClient;
  clock: Clock;
  sessions: SessionSettings;
  /** Evidence files: the store of their bytes and the largest accepted (bytes). */
  evidence: { store: FileStore; maxBytes: number };
  /** How alerts reach the channels (企业微信, 钉钉, e-mail): the network, and the web app's address for links. */
  channels: Transports;
  /** Tests only: runs after a sign-in attempt is reserved, before its password is checked (holds attempts in flight). */
  signInHooks?: { beforePasswordCheck?: () => Promise<void> };
};
