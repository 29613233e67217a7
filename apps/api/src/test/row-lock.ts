import pg from "pg";

/**
 * Holds what `hold` takes from a connection of its own (in a transaction), starts `run`, waits
 * until `waiters` of the app's statements queue on a lock behind it, runs `whileHeld` (what
 * must happen while they wait), then ends the hold with `end` and lets them go.
 */
export async function raceBehind<T>(
  url: string,
  hold: (holder: pg.Client) => Promise<unknown>,
  waiters: number,
  run: () => Promise<T>,
  end: "COMMIT" | "ROLLBACK",
  whileHeld?: () => Promise<void>,
): Promise<T> {
  const holder = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await Promise.all([holder.connect(), watcher.connect()]);
  try {
    await holder.query("BEGIN");
    await hold(holder);
    const running = run();
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
        [(holder as unknown as { processID: number }).processID],
      );
      if (rows[0]!.n >= waiters) break;
      if (Date.now() > deadline) {
        await holder.query("ROLLBACK");
        throw new Error(`only ${rows[0]!.n} of ${waiters} statements came to wait on the lock`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    try {
      await whileHeld?.();
    } finally {
      await holder.query(end);
    }
    return await running;
  } finally {
    await Promise.all([holder.end(), watcher.end()]);
  }
}

/**
 * Forces a real race: holds a row lock from a connection of its own, starts `run`, waits
 * until `waiters` of the app's statements queue on a lock (each having read the row
 * already), then lets them go. Without it, concurrent requests often simply take turns.
 */
export function raceOnLockedRow<T>(
  url: string,
  table: string,
  id: string | number,
  waiters: number,
  run: () => Promise<T>,
  /** The row's key column, when it is not `id` (a counter keyed by its year). */
  key = "id",
  /** What must happen while the statements wait (a repeat sent while the first is held). */
  whileHeld?: () => Promise<void>,
): Promise<T> {
  const lock = (holder: pg.Client) => holder.query(`SELECT 1 FROM "${table}" WHERE "${key}" = $1 FOR UPDATE`, [id]);
  return raceBehind(url, lock, waiters, run, "COMMIT", whileHeld);
}

/**
 * Forces a race to create the same row: inserts it, uncommitted, from a connection of its
 * own (`insert`: an INSERT statement and its values), starts `run`, waits until `waiters` of
 * the app's inserts queue behind it on the unique index — each having looked for the row
 * first and found none, as it is not committed — then rolls it back and lets them go. Only
 * the unique index stands between them then.
 */
export function raceOnHeldInsert<T>(
  url: string,
  insert: { sql: string; values: unknown[] },
  waiters: number,
  run: () => Promise<T>,
): Promise<T> {
  return raceBehind(url, (holder) => holder.query(insert.sql, insert.values), waiters, run, "ROLLBACK");
}
