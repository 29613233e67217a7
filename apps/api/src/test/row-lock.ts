import pg from "pg";

/**
 * Forces a real race: holds a row lock from a connection of its own, starts `run`, waits
 * until `waiters` of the app's statements queue on a lock (each having read the row
 * already), then lets them go. Without it, concurrent requests often simply take turns.
 */
export async function raceOnLockedRow<T>(
  url: string,
  table: string,
  id: string | number,
  waiters: number,
  run: () => Promise<T>,
  /** The row's key column, when it is not `id` (a counter keyed by its year). */
  key = "id",
): Promise<T> {
  const holder = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await Promise.all([holder.connect(), watcher.connect()]);
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "${table}" WHERE "${key}" = $1 FOR UPDATE`, [id]);
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
    await holder.query("COMMIT");
    return await running;
  } finally {
    await Promise.all([holder.end(), watcher.end()]);
  }
}
