import path from "node:path";
import { z } from "zod";
import type { DatabaseTimeouts } from "@resettle/prisma/client";
import type { S3Settings } from "../lib/file-store.js";
import { EVIDENCE_MAX_MB_DEFAULT } from "@resettle/domain";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
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
    /**
     * A new database connection (TCP, TLS, sign-in) is ready within this or fails (503). On a LAN
     * a connection takes milliseconds; 3 s leaves room for a loaded server without letting a
     * paused one hold requests (docs/ARCHITECTURE.md, "Database faults").
     */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    /**
     * The longest a statement may run (waits for locks included), and the longest a connection may
     * sit idle, in a transaction or not, before the server ends it; the API gives up on an answer
     * 1 s later and answers 503. The slowest statement of the main routes on a province's data
     * takes about 0.1 s (docs/performance.md); a 5,000-row import's insert about 1 s.
     */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(4000),
    /**
     * The longest a transaction may stay open (PostgreSQL's transaction_timeout, PostgreSQL 17 and
     * later; 0 leaves it unset, for PostgreSQL 14–16). Above the longest one the API opens on
     * purpose: an import, 120 s.
     */
    DATABASE_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(150_000),
    RESETTLE_DATA_DIR: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Load the fictional demo data into an empty database; never in production. */
    SEED_DEMO: booleanFlag.optional(),
    WEB_DIST: z.string().min(1).optional(),
    /** The alert rules run this often inside the API (one run at a time across processes); 0: never. */
    ALERTS_EVERY_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(15),
    /**
     * Where users reach the product (https://huiqian.example.gov.cn): alerts sent to 企业微信, 钉钉
     * or e-mail link to their record there. Unset: the messages carry the record's path only.
     */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
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
    /** The largest evidence file (证明材料) accepted, in MB; a larger one is refused with 413. */
    EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(200).default(EVIDENCE_MAX_MB_DEFAULT),
    /**
     * Where evidence files are kept on disk when no S3 store is configured: by default
     * `evidence/` beside the embedded Postgres' data directory (`.data/evidence`).
     */
    EVIDENCE_DIR: z.string().min(1).optional(),
    /** An S3-compatible object store for evidence files (MinIO, Ceph, a cloud's): set S3_BUCKET and the keys. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.default(true),
  })
  .superRefine((env, issues) => {
    // Either no S3 store at all, or a whole one: a half-configured store must not fall back to the disk silently.
    const s3 = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
    if (!s3.some((name) => env[name] !== undefined)) return;
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const)
      if (env[name] === undefined)
        issues.addIssue({ code: "custom", path: [name], message: "required once any S3_* variable is set" });
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

/** The bounds on every wait for the database (prisma/src/bounded-pool.ts). */
export function databaseTimeoutsOf(env: Env): DatabaseTimeouts {
  return {
    connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    transactionMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
  };
}

/** The evidence file store the environment asks for: S3-compatible when S3_BUCKET is set, else a directory. */
export function evidenceStorageOf(
  env: Env,
  postgresDataDir: string,
): { kind: "s3"; settings: S3Settings } | { kind: "filesystem"; root: string } {
  if (env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)
    return {
      kind: "s3",
      settings: {
        ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
        region: env.S3_REGION,
        bucket: env.S3_BUCKET,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      },
    };
  return {
    kind: "filesystem",
    root: env.EVIDENCE_DIR ?? path.join(path.dirname(path.resolve(postgresDataDir)), "evidence"),
  };
}
