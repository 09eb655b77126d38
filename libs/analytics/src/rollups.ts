import type { DataSource } from 'typeorm';

/**
 * The rollup tables (migrations PartySetsAndRollups1797000000000, ScoreRollup1797600000000 for the score's inputs,
 * DyadRollup1798100000000 for each dyad's totals, DyadDueRollup1798700000000 for its open follow-ups by due day,
 * DyadDayRollup1800000000017 for its meetings and proposals by day, ActorMeetingRollup1800000000000 for each actor's
 * meetings and NewsItemList1800000000001 for the news items by language and day), kept by triggers on every write.
 */
export const ROLLUP_TABLES = [
  'rollup_meeting', 'rollup_meeting_sector', 'rollup_proposal', 'rollup_proposal_sector', 'rollup_follow_up', 'rollup_dyad', 'rollup_dyad_month', 'rollup_dyad_due', 'rollup_dyad_day', 'rollup_score', 'rollup_score_item', 'rollup_actor', 'rollup_news_item',
] as const;

export interface RollupRebuild {
  milliseconds: number;
  rows: Record<(typeof ROLLUP_TABLES)[number], number>;
}

/**
 * Recomputes every stored party set and rollup from the base rows, in one transaction (readers see the old
 * rollups until it commits). Needed after a bulk load that bypassed the triggers, or to repair by hand.
 */
export async function rebuildRollups(dataSource: DataSource): Promise<RollupRebuild> {
  const started = Date.now();
  await dataSource.transaction(async (manager) => {
    // one long set-based pass: parallel workers help here, and no statement timeout applies
    await manager.query(`SET LOCAL max_parallel_workers_per_gather = 2`);
    await manager.query(`SET LOCAL statement_timeout = 0`);
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    await manager.query(`SELECT rollup_rebuild()`);
  });
  const counts: { name: string; rows: number }[] = await dataSource.query(
    ROLLUP_TABLES.map((table) => `SELECT '${table}' AS name, count(*)::int AS rows FROM ${table}`).join(' UNION ALL '),
  );
  return { milliseconds: Date.now() - started, rows: Object.fromEntries(counts.map((c) => [c.name, c.rows])) as RollupRebuild['rows'] };
}
