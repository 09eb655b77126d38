import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scoreRebuildByChangeDays } from './1799200000000-score-rebuild-by-change-days.js';
import { replaceChecked } from './replace-checked.js';

// Written by hand: `rollup_score_rebuild()` (in `dyad rollups rebuild` and the bench seed) groups each dyad's days
// into months by (dyad, month) instead of (month, dyad). The days come out of the running sums in dyad and day
// order, so PostgreSQL now sorts them only within each dyad (an incremental sort) instead of sorting all of them
// (3.7 million at 1,000,000 meetings, spilled to disk); the months are put back in (month, dyad) order, the order
// the rows were written in before, for their 122,000 rows alone. Same cells; at 1M, run in turn, the statement that
// writes them took 22.0–22.8 s against 23.3–25.9 s before; the whole rebuild 26.8–30.3 s against 30.7–35.3 (three
// calls each, in turn, load 1–1.5), the same 122,009 rows.

const NAME = 'ScoreRebuildGroupedByDyad';
// (ScoreWholeMonths1800000000011 replaced it; its down restores this one)
export const scoreRebuildGroupedByDyad = replaceChecked(NAME,
  replaceChecked(NAME, scoreRebuildByChangeDays, 'GROUP BY 1, 2, 3\n      HAVING bool_or', 'GROUP BY a, b, 1\n      HAVING bool_or'),
  '    FROM months;', '    FROM months ORDER BY month, a, b;');

export class ScoreRebuildGroupedByDyad1799970000001 implements MigrationInterface {
  name = 'ScoreRebuildGroupedByDyad1799970000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scoreRebuildGroupedByDyad);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scoreRebuildByChangeDays);
  }
}
