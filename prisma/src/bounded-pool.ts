import { constants } from "node:os";
import type net from "node:net";
import pg from "pg";

/**
 * How long anything may wait on the database (docs/ARCHITECTURE.md, "Database faults"). Left
 * out, nothing is bounded but the wait for a pool connection: the CLI, seeds, benchmarks.
 */
export type DatabaseTimeouts = {
  /** A new connection (TCP, TLS, sign-in, startup) is ready within this, or fails: DATABASE_CONNECT_TIMEOUT_MS. */
  connectMs: number;
  /**
   * The server cancels a statement running past this, waits for locks included
   * (`statement_timeout`), and ends a session left idle this long, inside a transaction or not
   * (`idle_in_transaction_session_timeout`, `idle_session_timeout`: the fuse that keeps a write the
   * client gave up on from being applied later). The client gives up on an answer
   * {@link ANSWER_MARGIN_MS} later: DATABASE_STATEMENT_TIMEOUT_MS.
   */
  statementMs: number;
  /** The server ends a transaction open this long (`transaction_timeout`, PostgreSQL ≥ 17); 0: not set. */
  transactionMs: number;
};

/**
 * The client waits this much longer for an answer than the server lets a statement run or a
 * session idle, so that the server has cancelled the statement, or ended the session, by the
 * time the client gives up: whatever reaches the server after that finds no session to run in.
 */
const ANSWER_MARGIN_MS = 1000;

/** What the client makes of {@link DatabaseTimeouts}. */
function boundsOf({ connectMs, statementMs, transactionMs }: DatabaseTimeouts) {
  return {
    connectMs,
    /** The client's patience for one answer: past it, the connection is reset and the query fails. */
    answerMs: statementMs + ANSWER_MARGIN_MS,
    /** Startup options: the server's side of the bounds. */
    serverSettings: {
      statement_timeout: statementMs,
      idle_in_transaction_session_timeout: statementMs,
      idle_session_timeout: statementMs,
      ...(transactionMs > 0 ? { transaction_timeout: transactionMs } : {}),
    },
    /** The pool closes an idle connection before the server would (idle_session_timeout), so it never lends one the server is ending. */
    poolIdleMs: statementMs - Math.min(1000, Math.floor(statementMs / 2)),
  };
}

/** A socket timeout, as the driver adapter recognises one (it becomes Prisma's P1008 / kind SocketTimeout: 503). */
function timedOut(message: string, syscall: "connect" | "read", cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), {
    code: "ETIMEDOUT",
    errno: -constants.errno.ETIMEDOUT,
    syscall,
  });
}

/** The error a query fails with when the database did not answer in time. */
const notAnswered = (ms: number) =>
  timedOut(`The database did not answer within ${ms} ms; the connection was reset`, "read");

/** The protocol pg drives a query through (its Submittable, plus the two ends it calls). */
type Watched = {
  submit(connection: unknown): unknown;
  handleReadyForQuery(connection: unknown): unknown;
  handleError(error: unknown, connection: unknown): unknown;
  callback?: (error: unknown, result?: unknown) => void;
};

/**
 * A `pg.Pool` whose every query is answered within `answerMs` or fails: past it the client resets
 * its socket (an RST: what was not yet sent is dropped, so a partition that heals delivers nothing
 * of it), the query fails with ETIMEDOUT, and the pool discards the connection. Each connection
 * carries the server-side bounds as startup options and TCP keepalive.
 */
export function createBoundedPool(
  connectionString: string,
  { max, waitMs, timeouts }: { max: number; waitMs: number; timeouts: DatabaseTimeouts },
): pg.Pool {
  const { connectMs, answerMs, serverSettings, poolIdleMs } = boundsOf(timeouts);
  // Options given in DATABASE_URL (?options=-c …) come after ours, so they win; pg would otherwise read them instead of ours.
  const url = new URL(connectionString);
  const given = url.searchParams.get("options");
  url.searchParams.delete("options");
  const options = [
    ...Object.entries(serverSettings).map(([name, value]) => `-c ${name}=${value}`),
    ...(given ? [given] : []),
  ].join(" ");

  // pg's own query, typed loosely: the wrapper passes its arguments through in each of pg's forms.
  const originalQuery = pg.Client.prototype.query as unknown as (this: pg.Client, ...args: unknown[]) => unknown;

  class BoundedClient extends pg.Client {
    readonly #socket: net.Socket;
    #watchdog: NodeJS.Timeout | undefined;
    #gaveUp: Error | undefined;

    constructor(config: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectMs });
      // The raw TCP socket, kept before any TLS upgrade wraps it: the one to reset.
      this.#socket = (this as unknown as { connection: { stream: net.Socket } }).connection.stream;
      this.query = this.#query.bind(this) as typeof this.query;
      // pg reports its connect timeout as a bare "timeout expired": say what it is, as a socket timeout.
      const connect = this.connect.bind(this) as (callback: (error: Error | undefined) => void) => void;
      this.connect = ((callback?: (error: Error | undefined) => void) => {
        const translate = (error: Error | undefined) =>
          error?.message === "timeout expired"
            ? timedOut(`No connection to the database within ${connectMs} ms`, "connect", error)
            : error;
        if (callback) return connect((error) => callback(translate(error)));
        return new Promise((resolve, reject) => connect((error) => (error ? reject(translate(error)) : resolve(this))));
      }) as typeof this.connect;
    }

    /** pg's query, with every query object watched from the moment it is sent until it is answered. */
    #query(config: unknown, values?: unknown, callback?: unknown): unknown {
      const send = (query: unknown) => originalQuery.call(this, query);
      if (config !== null && typeof config === "object" && typeof (config as Watched).submit === "function") {
        this.#watch(config as Watched);
        return originalQuery.call(this, config, values, callback);
      }
      if (typeof values === "function") [callback, values] = [values, undefined];
      const query = new pg.Query(
        config as pg.QueryConfig,
        values as unknown[],
        callback as never,
      ) as unknown as Watched;
      if (query.callback) {
        this.#watch(query);
        send(query);
        return undefined;
      }
      return new Promise((resolve, reject) => {
        query.callback = (error, result) => (error ? reject(error) : resolve(result));
        this.#watch(query);
        send(query);
      });
    }

    #watch(query: Watched) {
      const { submit, handleReadyForQuery, handleError } = query;
      query.submit = (connection) => {
        clearTimeout(this.#watchdog);
        this.#watchdog = setTimeout(() => this.#giveUp(), answerMs);
        return submit.call(query, connection);
      };
      query.handleReadyForQuery = (connection) => {
        clearTimeout(this.#watchdog);
        return handleReadyForQuery.call(query, connection);
      };
      query.handleError = (error, connection) => {
        clearTimeout(this.#watchdog);
        return handleError.call(query, this.#gaveUp ?? error, connection);
      };
    }

    #giveUp() {
      this.#gaveUp = notAnswered(answerMs);
      // Heard by the pool or the transaction holding the client; the query fails through handleError.
      this.on("error", () => {});
      this.#socket.resetAndDestroy();
    }
  }

  const pool = new pg.Pool({
    connectionString: url.toString(),
    options,
    max,
    // The wait for a pool connection (a new one also gets connectMs, above).
    connectionTimeoutMillis: waitMs,
    idleTimeoutMillis: poolIdleMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    Client: BoundedClient as unknown as new () => pg.ClientBase,
  });
  // An idle connection that fails (the server ended it) leaves the pool; nothing to crash over.
  pool.on("error", () => {});

  // Like pg-pool's own query, but the failure seen is the query's (a reset is reported as such,
  // not as "Connection terminated"), and a connection that failed only in SQL goes back to the pool.
  pool.query = (async (config: unknown, values?: unknown) => {
    const client = await pool.connect();
    const ignore = () => {};
    client.on("error", ignore);
    try {
      return await client.query(config as pg.QueryConfig, values as unknown[]);
    } finally {
      client.off("error", ignore);
      // The pool drops a client whose connection failed (not queryable) by itself.
      client.release();
    }
  }) as typeof pool.query;
  return pool;
}
