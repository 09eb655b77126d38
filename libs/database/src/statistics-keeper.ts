import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const logger = new Logger('Statistics');

export interface StatisticsKeeperOptions {
  /**
   * Rows a table must have changed by since it was last analyzed (and by more than it then had); 100 by default,
   * so that a table of a few hundred rows (a first load's news items and meetings) does not keep the
   * sequential-scan plans made when it held one page.
   */
  minChanged?: number;
  /** Milliseconds between two looks at the tables' counters. */
  intervalMs?: number;
}

/**
 * Keeps the planner's statistics of fast-growing tables current, so that the plans PostgreSQL caches stay fit.
 * A cached plan (a prepared statement's generic plan, a trigger function's, a foreign-key check's) is made for
 * the sizes the statistics give and kept until they change. Autovacuum refreshes them once a table has changed
 * by a tenth, but looks only about once a minute: a database filled from empty (a first `dyad ingest`) outgrows
 * its first plans many times over in that minute, and lookups meant to read a few index entries read whole
 * tables or whole indexes, more of them with every item.
 *
 * `refresh` analyzes each table changed since its last analysis by more rows than it then had (and by at least
 * `minChanged`): a table is analyzed each time it doubles, a few times in all, and never at scale, where
 * autovacuum's tenth comes first. A table analyzed while empty (as a new database's migrations leave them) is
 * analyzed again as soon as rows are written to its file, below the minimum: a plan made while its file had no page costs reading
 * it at nothing, so a sequential scan wins over any index, and no analysis of it makes that plan again until the
 * minimum is reached (the proposal lookup of linking, planned before the first proposal was stored, read every
 * proposal and, for each, every reading: 9-12 ms a call over the first 60 items of a new database). Analyzing a
 * table makes every cached plan that reads it again. A table with no rows left is not analyzed for its changes:
 * the queues the rollups use at commit, emptied by the transaction that fills them, changed by more rows than they
 * had at every look, and were analyzed at every look (about 6 ms a look at 1,000,000 meetings).
 */
export class StatisticsKeeper {
  private readonly minChanged: number;
  private readonly intervalMs: number;
  private lookedAt = -Infinity;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    options: StatisticsKeeperOptions = {},
  ) {
    this.minChanged = options.minChanged ?? 100;
    this.intervalMs = options.intervalMs ?? 1000;
  }

  /**
   * Analyzes the tables that have outgrown their statistics; looks at most once per interval, one look at a time.
   * Never fails: the writes it follows have landed, and a failed look (the database going away) is logged and
   * made again at the next interval.
   */
  refresh(): Promise<void> {
    if (this.running) return this.running;
    if (performance.now() - this.lookedAt < this.intervalMs) return Promise.resolve();
    this.lookedAt = performance.now();
    this.running = this.analyzeGrown()
      .catch((error: unknown) => logger.warn(`could not refresh table statistics: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async analyzeGrown(): Promise<void> {
    // The counters lag writes by up to about a second (a backend reports them when it goes idle, at most once a
    // second), so a table analyzed empty is told by its file instead, which has pages as soon as a row is written:
    // with the counters, the first look after a new database's first batch missed it, and the proposal lookup ran
    // on its plan for an empty table for another second (1 ms a call over 600 items, against 0.1).
    const grown: { name: string }[] = await this.dataSource.query(
      `SELECT format('%I.%I', s.schemaname, s.relname) AS name
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE (s.n_mod_since_analyze >= greatest($1, c.reltuples) AND s.n_live_tup > 0)
          OR (c.reltuples = 0 AND c.relpages = 0 AND pg_relation_size(c.oid) > 0)`,
      [this.minChanged],
    );
    // a table autovacuum is analyzing already is left to it
    if (grown.length) await this.dataSource.query(`ANALYZE (SKIP_LOCKED) ${grown.map(({ name }) => name).join(', ')}`);
  }
}
