import pg from 'pg';

/** How long `wait` waits at most for the database to be quiet. */
export const QUIET_WITHIN_MS = 10_000;

export interface QuietDatabase {
  /** Resolves once no other client's statement runs on the database (polled every 5 ms), or after `withinMs`. */
  wait(withinMs?: number): Promise<void>;
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
  const busy = async () =>
    Number(
      (
        await client.query(
          `SELECT count(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'active'`,
        )
      ).rows[0].n,
    );
  return {
    async wait(withinMs = QUIET_WITHIN_MS): Promise<void> {
      const until = performance.now() + withinMs;
      while ((await busy()) > 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    close: () => client.end(),
  };
}
