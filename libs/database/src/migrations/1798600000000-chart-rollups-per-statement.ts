import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the proposal and follow-up chart rollups (rollup_proposal, rollup_proposal_sector,
// rollup_follow_up) kept by one statement trigger with transition tables instead of a row trigger.
//
// The row triggers called rollup_proposal_apply / rollup_follow_up_apply twice per updated row (the old row
// taken back, the new one added): 2 to 3 upserts of 4 scope rows each, every one a new version of the same hot
// rows ('' totals, a country's row) when a statement wrote many rows (an item closing ten follow-ups, a batch's
// proposal histories). Now each statement sums its rows' changes per rollup key first and writes each key once;
// a key an update leaves as it was (a status date moved within its month) is not written at all. Rows left at
// zero by a take-back go as before. The dyad rollup's part (rollup_dyad_proposal, rollup_dyad_follow_up) stays
// in the row triggers, which now fire only when a column it keys on changes.

const OPEN = `('OPEN', 'IN_PROGRESS')`;

const CHART_TRIGGERS = (table: string, fn: string, onInsert: boolean) => [
  ...(onInsert ? [`CREATE TRIGGER ${table}_chart_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`] : []),
  `CREATE TRIGGER ${table}_chart_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER ${table}_chart_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
];

// the columns each chart rollup keys on (as the row triggers' WHEN conditions of PartySetsAndRollups1797000000000)
const CHART_COLUMNS = {
  proposal: 'party_codes, status_date, status, kind, funnel_step, sectors',
  follow_up_action: 'party_codes, due_date, status, horizon',
} as const;
const changedIn = (columns: string, o: string, n: string) => columns.split(', ').map((c) => `${o}.${c} IS DISTINCT FROM ${n}.${c}`).join(' OR ');

export class ChartRollupsPerStatement1798600000000 implements MigrationInterface {
  name = 'ChartRollupsPerStatement1798600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // deltas[i] counts signs[i] (+1 added, -1 taken back): every new and old row of a statement. The keys taken
    // back are a few of hundreds of thousands of rollup rows, read by index (the planner, guessing 1,000 keys from
    // the arrays, chose to read the whole table: 100 ms a statement at 1M meetings).
    await q(`CREATE FUNCTION rollup_proposal_changes(deltas proposal[], signs int[]) RETURNS void LANGUAGE plpgsql
      SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
      BEGIN
        INSERT INTO rollup_proposal AS r (a, b, month, status, kind, step, shard, proposals)
        SELECT s.a, s.b, rollup_month(p.status_date, '-infinity'), p.status, p.kind, p.funnel_step, rollup_shard(), sum(d.sign)
        FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (a, b, month, status, kind, step, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        INSERT INTO rollup_proposal_sector AS r (sector, month, status, shard, proposals)
        SELECT x.sector, rollup_month(p.status_date, '-infinity'), p.status, rollup_shard(), sum(d.sign)
        FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p
        CROSS JOIN LATERAL (SELECT DISTINCT x AS sector FROM unnest(p.sectors) x) x
        GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        IF -1 = ANY(signs) THEN
          -- a key taken back may have come to zero: such rows go (adding cannot bring a key to zero)
          DELETE FROM rollup_proposal r USING (
            SELECT DISTINCT s.a, s.b, rollup_month(p.status_date, '-infinity') AS month, p.status, p.kind, p.funnel_step AS step
            FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
            WHERE d.sign < 0) k
          WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.status = k.status AND r.kind = k.kind AND r.step = k.step AND r.proposals = 0;
          DELETE FROM rollup_proposal_sector r USING (
            SELECT DISTINCT x AS sector, rollup_month(p.status_date, '-infinity') AS month, p.status
            FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p CROSS JOIN LATERAL unnest(p.sectors) x
            WHERE d.sign < 0) k
          WHERE r.sector = k.sector AND r.month = k.month AND r.status = k.status AND r.proposals = 0;
        END IF;
      END $$`);
    await q(`CREATE FUNCTION rollup_follow_up_changes(deltas follow_up_action[], signs int[]) RETURNS void LANGUAGE plpgsql
      SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
      BEGIN
        INSERT INTO rollup_follow_up AS r (a, b, due_month, status, horizon, shard, follow_ups)
        SELECT s.a, s.b, rollup_month(f.due_date, 'infinity'), f.status, f.horizon, rollup_shard(), sum(d.sign)
        FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) f CROSS JOIN LATERAL rollup_scopes(f.party_codes) s
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (a, b, due_month, status, horizon, shard) DO UPDATE SET follow_ups = r.follow_ups + excluded.follow_ups;
        IF -1 = ANY(signs) THEN
          DELETE FROM rollup_follow_up r USING (
            SELECT DISTINCT s.a, s.b, rollup_month(f.due_date, 'infinity') AS due_month, f.status, f.horizon
            FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) f CROSS JOIN LATERAL rollup_scopes(f.party_codes) s
            WHERE d.sign < 0) k
          WHERE r.a = k.a AND r.b = k.b AND r.due_month = k.due_month AND r.status = k.status AND r.horizon = k.horizon AND r.follow_ups = 0;
        END IF;
      END $$`);
    // A follow-up is added alone (one statement each): its row trigger adds it, one upsert, cheaper than a
    // statement trigger's aggregation for one row. Proposals are added an event's at once.
    for (const [table, fn, onInsert] of [['proposal', 'rollup_proposal_changes', true], ['follow_up_action', 'rollup_follow_up_changes', false]] as const) {
      // one function per event: a transition table the event does not have cannot be named
      await q(`CREATE FUNCTION ${table}_chart_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE rows ${table}[]; signs int[];
        BEGIN
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(n), array_agg(1) INTO rows, signs FROM new_rows n;
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(o), array_agg(-1) INTO rows, signs FROM old_rows o;
          ELSE
            -- only the rows whose keys may have moved (an update of other columns changes no rollup)
            SELECT array_agg(x.r), array_agg(x.sign) INTO rows, signs
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o, -1), (n, 1)) AS x(r, sign)
            WHERE ${changedIn(CHART_COLUMNS[table], 'o', 'n')};
          END IF;
          IF rows IS NOT NULL THEN PERFORM ${fn}(rows, signs); END IF;
          RETURN NULL;
        END $$`);
      for (const sql of CHART_TRIGGERS(table, `${table}_chart_rollup`, onInsert)) await q(sql);
    }

    // the row triggers keep the dyad's part only, and fire only when it may change
    for (const [table, kind, row, insert] of [
      ['proposal', 'proposal', (r: string) => `(${r}.party_codes, ${r}.status, ${r}.status_date)`, ''],
      ['follow_up_action', 'follow_up', (r: string) => `(${r}.party_codes, ${r}.status IN ${OPEN}, ${r}.due_date)`,
        `IF TG_OP = 'INSERT' THEN PERFORM rollup_follow_up_apply(NEW, 1); END IF;`],
    ] as const) {
      await q(`CREATE OR REPLACE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${insert}
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_dyad_${kind}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM rollup_dyad_${kind}(NEW, 1); END IF;
          RETURN NULL;
        END $$`);
      await q(`DROP TRIGGER ${table}_rollup_update ON ${table}`);
      await q(`CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${row('OLD')} IS DISTINCT FROM ${row('NEW')})
               EXECUTE FUNCTION ${table}_rollup()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const table of ['proposal', 'follow_up_action']) {
      for (const event of ['insert', 'update', 'delete']) await q(`DROP TRIGGER IF EXISTS ${table}_chart_${event} ON ${table}`);
      await q(`DROP FUNCTION ${table}_chart_rollup()`);
    }
    await q(`DROP FUNCTION rollup_proposal_changes(proposal[], int[])`);
    await q(`DROP FUNCTION rollup_follow_up_changes(follow_up_action[], int[])`);
    // as DyadRollup1798100000000 left them
    for (const [table, fn, kind, row] of [
      ['proposal', 'rollup_proposal_apply', 'proposal', (r: string) => `(${r}.party_codes, ${r}.status, ${r}.status_date)`],
      ['follow_up_action', 'rollup_follow_up_apply', 'follow_up', (r: string) => `(${r}.party_codes, ${r}.status IN ${OPEN}, ${r}.due_date)`],
    ] as const) {
      await q(`CREATE OR REPLACE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ${fn}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM ${fn}(NEW, 1); END IF;
          IF TG_OP = 'UPDATE' AND ${row('OLD')} IS NOT DISTINCT FROM ${row('NEW')} THEN RETURN NULL; END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_dyad_${kind}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM rollup_dyad_${kind}(NEW, 1); END IF;
          RETURN NULL;
        END $$`);
      await q(`DROP TRIGGER ${table}_rollup_update ON ${table}`);
      await q(`CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changedIn(CHART_COLUMNS[table], 'OLD', 'NEW')})
               EXECUTE FUNCTION ${table}_rollup()`);
    }
  }
}
