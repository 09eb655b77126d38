import pg from 'pg';

/** How long `wait` waits at most for the database to be quiet. */
const QUIET_WITHIN_MS = 10_000;

export interface QuietDatabase {
  /**
   * Resolves once no other client's statement runs on the database (polled every 5 ms): true, or false if one still
   * ran after `withinMs`.
   */
  wait(withinMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Watches the database of `url` for statements still running: a bench that loads one server after another waits
 * for it between them, so a statement left over from one server's load (its client gone, PostgreSQL still at it)
 * is not counted against the next.
 */
export async function quietDatabase(url: string): Promise<QuietDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const busy = async () => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'active'`,
    );
    return rows[0].n > 0;
  };
  return {
    async wait(withinMs = QUIET_WITHIN_MS): Promise<boolean> {
      const until = performance.now() + withinMs;
      while (await busy()) {
        if (performance.now() >= until) return false;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return true;
    },
    close: () => client.end(),
  };
}
