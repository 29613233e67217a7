import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
    .optional(),
  /**
   * Database connections this process keeps (Postgres allows 100 by default; leave room for
   * other processes and for maintenance). 20 serves ~100 concurrent readers on one process:
   * see docs/ARCHITECTURE.md, "Database load".
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  /** How long a request waits for a free connection before answering 503 with Retry-After. */
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  RESETTLE_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Load the fictional demo data into an empty database; never in production. */
  SEED_DEMO: booleanFlag.optional(),
  WEB_DIST: z.string().min(1).optional(),
  /** A session unused this many minutes ends. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  /** A session ends this many hours after sign-in, used or not. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Behind a reverse proxy (nginx): trust its X-Forwarded-* headers for the client address and https. */
  TRUST_PROXY: booleanFlag.default(false),
});
export type Env = z.infer<typeof EnvSchema>;

/** Reads the environment once and fails fast with every problem listed. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (FOO=) means "not set", as shells and compose files write it.
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(set);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
