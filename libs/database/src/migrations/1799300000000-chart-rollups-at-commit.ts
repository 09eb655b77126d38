import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the proposal and follow-up chart rollups (rollup_proposal, rollup_proposal_sector,
// rollup_follow_up) and their part of the dyad rollups (rollup_dyad, rollup_dyad_month, rollup_dyad_due) are
// brought up to date once per transaction, at commit, as the score rollup is (ScoreRollupAtCommit1798400000000).
//
// Before, every statement writing proposals or follow-ups summed its own rows' changes and upserted them
// (ChartRollupsPerStatement1798600000000), every new follow-up upserted its 4 scope rows alone, and a row trigger
// upserted each changed proposal's and open follow-up's dyad rows (2 or 3 upserts per row and version): about 5 ms
// of database time per ingested item, most of it new versions of the same '' total, country and dyad rows, once
// per statement of every item of a batch.
//
// Now the statement triggers only note each changed row's keys with its sign (+1 added, -1 taken back) in
// `rollup_chart_pending` (an unlogged table whose rows never outlive their transaction), and a deferred
// constraint trigger takes the transaction's notes once before commit: one call of rollup_proposal_changes and
// rollup_follow_up_changes over all of them (each key summed and written once; a key the transaction left as it
// was is not written), then the dyad rows likewise. A savepoint rolled back takes its notes (and a marker it
// queued) with it. Readers inside the writing transaction see these rollups as of its start until it commits;
// no write path reads them. `rollup_rebuild()` drops its own transaction's notes (the rebuild counts the rows).

const OPEN = `('OPEN', 'IN_PROGRESS')`;
const SIGNED = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;

// the keys each rollup reads from a row (the columns ChartRollupsPerStatement1798600000000 compares, which down restores)
const KEYS = {
  proposal: ['party_codes', 'status_date', 'status', 'kind', 'funnel_step', 'sectors'],
  follow_up_action: ['party_codes', 'due_date', 'status', 'horizon'],
} as const;
const KIND = { proposal: 'P', follow_up_action: 'F' } as const;
const keysOf = (table: keyof typeof KEYS, r: string) => `jsonb_build_object(${KEYS[table].map((c) => `'${c}', ${r}.${c}`).join(', ')})`;
const changedIn = (table: keyof typeof KEYS, o: string, n: string) => KEYS[table].map((c) => `${o}.${c} IS DISTINCT FROM ${n}.${c}`).join(' OR ');

/** rollup_rebuild() as MeetingPairList1798500000000 left it, with `first` run before the rebuilds. */
const rollupRebuild = (first: string) => `CREATE OR REPLACE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN${first}
        PERFORM follow_up_origin_rebuild();
        PERFORM rollup_rebuild_charts(with_party_sets);
        IF with_party_sets THEN PERFORM meeting_pair_rebuild(); END IF;
        PERFORM rollup_dyad_rebuild();
        PERFORM rollup_score_rebuild();
      END $$`;

// each dyad (pair of parties) of a delta row p
export const PAIRS = `CROSS JOIN LATERAL (SELECT x AS a, y AS b FROM unnest(p.party_codes) x, unnest(p.party_codes) y WHERE x < y) pr`;
const OLD_DELTAS = `generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p`;
// the arrays read in one pass (deltas[i] walks the array to its i-th row: a flush's thousand rows cost a million steps)
// (the rows' columns, then the sign, which takes the function's name)
export const DELTAS = `ROWS FROM (unnest(deltas), unnest(signs)) AS p CROSS JOIN LATERAL (SELECT p.unnest AS sign) d`;

// rollup_proposal_changes and rollup_follow_up_changes as ChartRollupsPerStatement1798600000000 and
// ProposalSectorRollupTakeBack1799000000001 wrote them, reading their arrays through \`deltas\`
const changesFunctions = (deltas: string) => [
  `CREATE OR REPLACE FUNCTION rollup_proposal_changes(deltas proposal[], signs int[]) RETURNS void LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    BEGIN
      INSERT INTO rollup_proposal AS r (a, b, month, status, kind, step, shard, proposals)
      SELECT s.a, s.b, rollup_month(p.status_date, '-infinity'), p.status, p.kind, p.funnel_step, rollup_shard(), sum(d.sign)
      FROM ${deltas} CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (a, b, month, status, kind, step, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
      INSERT INTO rollup_proposal_sector AS r (sector, month, status, shard, proposals)
      SELECT x.sector, rollup_month(p.status_date, '-infinity'), p.status, rollup_shard(), sum(d.sign)
      FROM ${deltas} CROSS JOIN LATERAL (SELECT DISTINCT x AS sector FROM unnest(p.sectors) x) x
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (sector, month, status, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
      IF -1 = ANY(signs) THEN
        -- a key taken back may have come to zero: such rows go (adding cannot bring a key to zero)
        DELETE FROM rollup_proposal r USING (
          SELECT DISTINCT s.a, s.b, rollup_month(p.status_date, '-infinity') AS month, p.status, p.kind, p.funnel_step AS step
          FROM ${deltas} CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
          WHERE d.sign < 0) k
        WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.status = k.status AND r.kind = k.kind AND r.step = k.step AND r.proposals = 0;
        DELETE FROM rollup_proposal_sector r WHERE r.ctid = ANY(ARRAY(
          SELECT z.ctid FROM (SELECT DISTINCT x AS sector, rollup_month(p.status_date, '-infinity') AS month, p.status
          FROM ${deltas} CROSS JOIN LATERAL unnest(p.sectors) x
          WHERE d.sign < 0) k
          CROSS JOIN LATERAL (SELECT s.ctid FROM rollup_proposal_sector s
                              WHERE s.sector = k.sector AND s.month = k.month AND s.status = k.status AND s.proposals = 0 OFFSET 0) z))
          AND r.proposals = 0;
      END IF;
    END $$`,
  `CREATE OR REPLACE FUNCTION rollup_follow_up_changes(deltas follow_up_action[], signs int[]) RETURNS void LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    BEGIN
      INSERT INTO rollup_follow_up AS r (a, b, due_month, status, horizon, shard, follow_ups)
      SELECT s.a, s.b, rollup_month(p.due_date, 'infinity'), p.status, p.horizon, rollup_shard(), sum(d.sign)
      FROM ${deltas} CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (a, b, due_month, status, horizon, shard) DO UPDATE SET follow_ups = r.follow_ups + excluded.follow_ups;
      IF -1 = ANY(signs) THEN
        DELETE FROM rollup_follow_up r USING (
          SELECT DISTINCT s.a, s.b, rollup_month(p.due_date, 'infinity') AS due_month, p.status, p.horizon
          FROM ${deltas} CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
          WHERE d.sign < 0) k
        WHERE r.a = k.a AND r.b = k.b AND r.due_month = k.due_month AND r.status = k.status AND r.horizon = k.horizon AND r.follow_ups = 0;
      END IF;
    END $$`,
];

const up = [
  `CREATE UNLOGGED TABLE rollup_chart_pending (xid xid8 NOT NULL, kind char(1) NOT NULL, sign smallint NOT NULL, keys jsonb)`,
  `CREATE INDEX rollup_chart_pending_xid ON rollup_chart_pending (xid)`,
  // one marker ('*') per transaction queues the flush once
  `CREATE UNIQUE INDEX rollup_chart_pending_marker ON rollup_chart_pending (xid) WHERE kind = '*'`,
  // the dyad rollups' part of many proposal or follow-up changes, summed per key (as rollup_dyad_proposal and
  // rollup_dyad_follow_up add one row's)
  `CREATE FUNCTION rollup_dyad_proposal_changes(deltas proposal[], signs int[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO rollup_dyad_month AS r (month, a, b, shard, proposals, signed)
      SELECT rollup_month(p.status_date, '-infinity'), pr.a, pr.b, rollup_shard(), sum(d.sign), sum(CASE WHEN p.status IN ${SIGNED} THEN d.sign ELSE 0 END)
      FROM ${DELTAS} ${PAIRS}
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 OR sum(CASE WHEN p.status IN ${SIGNED} THEN d.sign ELSE 0 END) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (month, a, b, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals, signed = r.signed + excluded.signed;
      INSERT INTO rollup_dyad AS r (a, b, shard, proposals, signed)
      SELECT pr.a, pr.b, rollup_shard(), sum(d.sign), sum(CASE WHEN p.status IN ${SIGNED} THEN d.sign ELSE 0 END)
      FROM ${DELTAS} ${PAIRS}
      GROUP BY 1, 2 HAVING sum(d.sign) <> 0 OR sum(CASE WHEN p.status IN ${SIGNED} THEN d.sign ELSE 0 END) <> 0 ORDER BY 1, 2
      ON CONFLICT (a, b, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals, signed = r.signed + excluded.signed;
    END $$`,
  `CREATE FUNCTION rollup_dyad_follow_up_changes(deltas follow_up_action[], signs int[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO rollup_dyad_month AS r (month, a, b, shard, open_follow_ups)
      SELECT rollup_month(p.due_date, 'infinity'), pr.a, pr.b, rollup_shard(), sum(d.sign)
      FROM ${DELTAS} ${PAIRS} WHERE p.status IN ${OPEN}
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (month, a, b, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;
      INSERT INTO rollup_dyad AS r (a, b, shard, open_follow_ups)
      SELECT pr.a, pr.b, rollup_shard(), sum(d.sign)
      FROM ${DELTAS} ${PAIRS} WHERE p.status IN ${OPEN}
      GROUP BY 1, 2 HAVING sum(d.sign) <> 0 ORDER BY 1, 2
      ON CONFLICT (a, b, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;
      INSERT INTO rollup_dyad_due AS r (a, b, due_date, shard, open_follow_ups)
      SELECT pr.a, pr.b, coalesce(p.due_date, 'infinity'), rollup_shard(), sum(d.sign)
      FROM ${DELTAS} ${PAIRS} WHERE p.status IN ${OPEN}
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (a, b, due_date, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;
    END $$`,
  // the arrays read in one pass
  ...changesFunctions(DELTAS),
  // the transaction's notes, taken and applied at once (a later call of the same commit finds none)
  `CREATE FUNCTION rollup_chart_flush() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE p proposal[]; ps int[]; f follow_up_action[]; fs int[];
    BEGIN
      WITH taken AS (DELETE FROM rollup_chart_pending WHERE xid = pg_current_xact_id() RETURNING kind, sign, keys)
      SELECT array_agg(jsonb_populate_record(NULL::proposal, keys)) FILTER (WHERE kind = 'P'), array_agg(sign::int) FILTER (WHERE kind = 'P'),
             array_agg(jsonb_populate_record(NULL::follow_up_action, keys)) FILTER (WHERE kind = 'F'), array_agg(sign::int) FILTER (WHERE kind = 'F')
      INTO p, ps, f, fs FROM taken;
      IF p IS NOT NULL THEN
        PERFORM rollup_proposal_changes(p, ps);
        PERFORM rollup_dyad_proposal_changes(p, ps);
      END IF;
      IF f IS NOT NULL THEN
        PERFORM rollup_follow_up_changes(f, fs);
        PERFORM rollup_dyad_follow_up_changes(f, fs);
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE CONSTRAINT TRIGGER rollup_chart_flush AFTER INSERT ON rollup_chart_pending DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.kind = '*') EXECUTE FUNCTION rollup_chart_flush()`,
  // the statement triggers note their rows' keys (an update: only the rows whose keys may have moved)
  ...(['proposal', 'follow_up_action'] as const).map(
    (table) => `CREATE OR REPLACE FUNCTION ${table}_chart_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE x xid8 := pg_current_xact_id(); noted int;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO rollup_chart_pending (xid, kind, sign, keys) SELECT x, '${KIND[table]}', 1, ${keysOf(table, 'n')} FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO rollup_chart_pending (xid, kind, sign, keys) SELECT x, '${KIND[table]}', -1, ${keysOf(table, 'o')} FROM old_rows o;
        ELSE
          INSERT INTO rollup_chart_pending (xid, kind, sign, keys)
          SELECT x, '${KIND[table]}', s.sign, s.keys FROM old_rows o JOIN new_rows n ON n.id = o.id
          CROSS JOIN LATERAL (VALUES (-1, ${keysOf(table, 'o')}), (1, ${keysOf(table, 'n')})) AS s(sign, keys)
          WHERE ${changedIn(table, 'o', 'n')};
        END IF;
        GET DIAGNOSTICS noted = ROW_COUNT;
        IF noted > 0 THEN
          INSERT INTO rollup_chart_pending (xid, kind, sign) VALUES (x, '*', 0) ON CONFLICT (xid) WHERE kind = '*' DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`,
  ),
  // follow-ups added are noted by a statement trigger too (they were added one upsert each by the row trigger)
  `CREATE TRIGGER follow_up_action_chart_insert AFTER INSERT ON follow_up_action REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_action_chart_rollup()`,
  // the row triggers' work is all done at commit now
  `DROP TRIGGER proposal_rollup ON proposal`,
  `DROP TRIGGER proposal_rollup_update ON proposal`,
  `DROP TRIGGER follow_up_action_rollup ON follow_up_action`,
  `DROP TRIGGER follow_up_action_rollup_update ON follow_up_action`,
  `DROP FUNCTION proposal_rollup()`,
  `DROP FUNCTION follow_up_action_rollup()`,
  // a rebuild counts the rows as they are: the notes of its own transaction would count them twice
  rollupRebuild(`
        DELETE FROM rollup_chart_pending WHERE xid = pg_current_xact_id_if_assigned();`),
];

const down = [
  rollupRebuild(''),
  `DROP TRIGGER follow_up_action_chart_insert ON follow_up_action`,
  ...(
    [
      ['proposal', 'rollup_proposal_changes', 'proposal', (r: string) => `(${r}.party_codes, ${r}.status, ${r}.status_date)`, ''],
      ['follow_up_action', 'rollup_follow_up_changes', 'follow_up', (r: string) => `(${r}.party_codes, ${r}.status IN ${OPEN}, ${r}.due_date)`,
        `IF TG_OP = 'INSERT' THEN PERFORM rollup_follow_up_apply(NEW, 1); END IF;`],
    ] as const
  ).flatMap(([table, fn, kind, row, insert]) => [
    `CREATE OR REPLACE FUNCTION ${table}_chart_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE rows ${table}[]; signs int[];
        BEGIN
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(n), array_agg(1) INTO rows, signs FROM new_rows n;
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(o), array_agg(-1) INTO rows, signs FROM old_rows o;
          ELSE
            SELECT array_agg(x.r), array_agg(x.sign) INTO rows, signs
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o, -1), (n, 1)) AS x(r, sign)
            WHERE ${changedIn(table, 'o', 'n')};
          END IF;
          IF rows IS NOT NULL THEN PERFORM ${fn}(rows, signs); END IF;
          RETURN NULL;
        END $$`,
    `CREATE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${insert}
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_dyad_${kind}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM rollup_dyad_${kind}(NEW, 1); END IF;
          RETURN NULL;
        END $$`,
    `CREATE TRIGGER ${table}_rollup AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_rollup()`,
    `CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${row('OLD')} IS DISTINCT FROM ${row('NEW')})
               EXECUTE FUNCTION ${table}_rollup()`,
  ]),
  ...changesFunctions(OLD_DELTAS),
  `DROP TRIGGER rollup_chart_flush ON rollup_chart_pending`,
  `DROP FUNCTION rollup_chart_flush()`,
  `DROP FUNCTION rollup_dyad_proposal_changes(proposal[], int[])`,
  `DROP FUNCTION rollup_dyad_follow_up_changes(follow_up_action[], int[])`,
  `DROP TABLE rollup_chart_pending`,
];

export class ChartRollupsAtCommit1799300000000 implements MigrationInterface {
  name = 'ChartRollupsAtCommit1799300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of up) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of down) await queryRunner.query(sql);
  }
}
