import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DELTAS, PAIRS } from './1799300000000-chart-rollups-at-commit.js';
import { rewriteFunction, undoing, type TextChange } from './replace-checked.js';

// Written by hand: the meeting rollups (rollup_meeting, rollup_meeting_sector) and the meetings' part of the dyad
// rollups (rollup_dyad, rollup_dyad_month, rollup_dyad_day) are brought up to date once per transaction, at commit,
// as the proposal and follow-up rollups are (ChartRollupsAtCommit1799300000000).
//
// Before, a row trigger on meeting (meeting_rollup, meeting_rollup_update) ran rollup_meeting_apply and
// rollup_dyad_meeting for each meeting written: five or six upserts, each its own statement, for every new meeting.
// An ingested item makes about one, and those upserts were about 0.3 ms of the database's 4 ms per item.
//
// Now the row trigger only notes the meeting's keys with their sign (+1 added, -1 taken back) in
// `rollup_chart_pending`, in one statement with the transaction's marker, and rollup_chart_flush applies the
// transaction's notes at commit, each key summed and written once. The notes are summed per key and meeting date: a
// meeting taken out and put back under the same key and date (only a column that rollup does not key on changed: its
// sectors for rollup_meeting, its type for the dyad rollups) nets to nothing there and is not written, and a key's
// latest date is looked up again only where a date lost meetings.
//
// rollup_meeting_apply, rollup_dyad_meeting and meeting_rollup() stay: down gives their triggers back.

const KEYS = ['party_codes', 'date', 'status', 'type', 'review_status', 'sectors'];
const keysOf = (r: string) => `jsonb_build_object(${KEYS.map((c) => `'${c}', ${r}.${c}`).join(', ')})`;

// (the delta rows p with their signs d, and each dyad pr of a row, as ChartRollupsAtCommit1799300000000 reads them;
// rejected meetings left out)
const COUNTED = `p.review_status <> 'REJECTED'`;
const MONTH = `rollup_month(p.date, '-infinity')`;
// the plans of rollup_proposal_changes: lookups by key in the large rollups, whatever their statistics say
const PLANS = `SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off`;

/** The counted deltas' change (n) per value of `columns` (a key and a meeting date), joined `from` and filtered by `where`. */
const perDate = (columns: string[], from: string, where = '') =>
  `SELECT ${columns.join(', ')}, sum(d.sign) AS n FROM ${DELTAS} ${from} WHERE ${COUNTED}${where} GROUP BY ${columns.map((_, i) => i + 1).join(', ')}`;

const MEETING_KEY = ['s.a', 's.b', `${MONTH} AS month`, 'p.status', 'p.type'];
const SCOPES = `CROSS JOIN LATERAL rollup_scopes(p.party_codes) s`;

const up = [
  `CREATE FUNCTION rollup_meeting_changes(deltas meeting[], signs int[]) RETURNS void LANGUAGE plpgsql ${PLANS} AS $$
    BEGIN
      -- each key's count, and its latest date from the dates that gained a meeting
      INSERT INTO rollup_meeting AS r (a, b, month, status, type, shard, meetings, last_date)
      SELECT a, b, month, status, type, rollup_shard(), sum(n), max(date) FILTER (WHERE n > 0)
      FROM (${perDate([...MEETING_KEY, 'p.date'], SCOPES)}) k
      GROUP BY 1, 2, 3, 4, 5 HAVING bool_or(n <> 0) ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (a, b, month, status, type, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings,
        last_date = greatest(r.last_date, excluded.last_date);
      INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
      SELECT x.sector, ${MONTH}, p.status, rollup_shard(), sum(d.sign)
      FROM ${DELTAS} CROSS JOIN LATERAL (SELECT DISTINCT x AS sector FROM unnest(p.sectors) x) x WHERE ${COUNTED}
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
      IF -1 = ANY(signs) THEN
        -- a latest date cannot be taken back: where a date that lost meetings held it, the latest one left up to it
        UPDATE rollup_meeting r SET last_date = CASE WHEN r.b <> '' THEN (
          SELECT p.date FROM meeting_pair p JOIN meeting x ON x.id = p.meeting_id
          WHERE p.a = r.a::char(2) AND p.b = r.b::char(2) AND p.date >= r.month AND p.date <= k.date
            AND x.status = r.status AND x.type = r.type AND x.review_status <> 'REJECTED'
          ORDER BY p.date DESC LIMIT 1) ELSE (
          SELECT x.date FROM meeting x
          -- (as text[]: not a lookup in the GIN index of party sets, whose '{}' would list every meeting)
          WHERE x.party_codes::text[] @> (CASE WHEN r.a = '' THEN '{}' WHEN r.b = '' THEN ARRAY[r.a] ELSE ARRAY[r.a, r.b] END)::text[]
            AND x.date >= r.month AND x.date <= k.date
            AND x.status = r.status AND x.type = r.type AND x.review_status <> 'REJECTED'
          ORDER BY x.date DESC LIMIT 1) END
        FROM (${perDate([...MEETING_KEY, 'p.date'], SCOPES, ' AND p.date IS NOT NULL')} HAVING sum(d.sign) < 0) k
        WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.status = k.status AND r.type = k.type AND r.last_date = k.date;
        -- a shard's row at zero may still hold the key's latest date: rows go only when the whole key is at zero
        DELETE FROM rollup_meeting r USING (SELECT DISTINCT ${MEETING_KEY.join(', ')} FROM ${DELTAS} ${SCOPES} WHERE d.sign < 0 AND ${COUNTED}) k
        WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.status = k.status AND r.type = k.type
          AND NOT EXISTS (SELECT 1 FROM rollup_meeting o WHERE o.a = r.a AND o.b = r.b AND o.month = r.month AND o.status = r.status
                            AND o.type = r.type AND o.meetings <> 0);
        DELETE FROM rollup_meeting_sector r
        USING (SELECT DISTINCT x AS sector, ${MONTH} AS month, p.status FROM ${DELTAS} CROSS JOIN LATERAL unnest(p.sectors) x WHERE d.sign < 0 AND ${COUNTED}) k
        WHERE r.sector = k.sector AND r.month = k.month AND r.status = k.status AND r.meetings = 0;
      END IF;
    END $$`,
  // (run after rollup_meeting_changes: a dyad's latest date taken back is looked up in rollup_meeting)
  `CREATE FUNCTION rollup_dyad_meeting_changes(deltas meeting[], signs int[]) RETURNS void LANGUAGE plpgsql ${PLANS} AS $$
    BEGIN
      INSERT INTO rollup_dyad_month AS r (month, a, b, shard, meetings, last_date)
      SELECT month, a, b, rollup_shard(), sum(n), max(date) FILTER (WHERE n > 0)
      FROM (${perDate([`${MONTH} AS month`, 'pr.a', 'pr.b', 'p.date'], PAIRS, ` AND p.status = 'HELD'`)}) k
      GROUP BY 1, 2, 3 HAVING bool_or(n <> 0) ORDER BY 1, 2, 3
      ON CONFLICT (month, a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date);
      INSERT INTO rollup_dyad_day AS r (day, a, b, shard, meetings)
      SELECT p.date, pr.a, pr.b, rollup_shard(), sum(d.sign) FROM ${DELTAS} ${PAIRS}
      WHERE ${COUNTED} AND p.status = 'HELD' AND p.date IS NOT NULL
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (day, a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
      -- held meetings count, with their latest date; every meeting is listed
      INSERT INTO rollup_dyad AS r (a, b, shard, meetings, last_date, listed_meetings)
      SELECT a, b, rollup_shard(), coalesce(sum(n) FILTER (WHERE held), 0), max(date) FILTER (WHERE held AND n > 0), sum(n)
      FROM (${perDate(['pr.a', 'pr.b', `p.status = 'HELD' AS held`, 'p.date'], PAIRS)}) k
      GROUP BY 1, 2 HAVING bool_or(n <> 0) ORDER BY 1, 2
      ON CONFLICT (a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date),
        listed_meetings = r.listed_meetings + excluded.listed_meetings;
      IF -1 = ANY(signs) THEN
        -- where a date that lost held meetings held the latest date: the latest of the dyad's month (or of its latest
        -- month) in rollup_meeting
        UPDATE rollup_dyad_month r SET last_date = (
          SELECT max(x.last_date) FROM rollup_meeting x WHERE x.a = r.a::text AND x.b = r.b::text AND x.status = 'HELD' AND x.month = r.month)
        FROM (${perDate([`${MONTH} AS month`, 'pr.a', 'pr.b', 'p.date'], PAIRS, ` AND p.status = 'HELD' AND p.date IS NOT NULL`)} HAVING sum(d.sign) < 0) k
        WHERE r.month = k.month AND r.a = k.a AND r.b = k.b AND r.last_date = k.date;
        UPDATE rollup_dyad r SET last_date = (
          SELECT max(x.last_date) FROM rollup_meeting x
          WHERE x.a = r.a::text AND x.b = r.b::text AND x.status = 'HELD' AND x.month = (
            SELECT max(y.month) FROM rollup_meeting y WHERE y.a = r.a::text AND y.b = r.b::text AND y.status = 'HELD' AND y.month > '-infinity' AND y.last_date IS NOT NULL))
        FROM (${perDate(['pr.a', 'pr.b', 'p.date'], PAIRS, ` AND p.status = 'HELD' AND p.date IS NOT NULL`)} HAVING sum(d.sign) < 0) k
        WHERE r.a = k.a AND r.b = k.b AND r.last_date = k.date;
      END IF;
    END $$`,
  // the keys a meeting takes out (-1) and puts in (+1), and the transaction's marker, in one statement
  `CREATE FUNCTION meeting_chart_note() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE taken jsonb; added jsonb;
    BEGIN
      IF TG_OP <> 'INSERT' THEN taken := ${keysOf('OLD')}; END IF;
      IF TG_OP <> 'DELETE' THEN added := ${keysOf('NEW')}; END IF;
      INSERT INTO rollup_chart_pending (xid, kind, sign, keys)
      SELECT pg_current_xact_id(), v.kind, v.sign, v.keys FROM (VALUES ('M', -1::smallint, taken), ('M', 1::smallint, added), ('*', 0::smallint, NULL)) AS v(kind, sign, keys)
      WHERE v.keys IS NOT NULL OR v.kind = '*'
      ON CONFLICT (xid) WHERE kind = '*' DO NOTHING;
      RETURN NULL;
    END $$`,
  `DROP TRIGGER meeting_rollup ON meeting`,
  `DROP TRIGGER meeting_rollup_update ON meeting`,
  `CREATE TRIGGER meeting_chart_note AFTER INSERT OR DELETE ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_chart_note()`,
  `CREATE TRIGGER meeting_chart_note_update AFTER UPDATE ON meeting FOR EACH ROW
    WHEN (${KEYS.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')}) EXECUTE FUNCTION meeting_chart_note()`,
];

const down = [
  `DROP TRIGGER meeting_chart_note_update ON meeting`,
  `DROP TRIGGER meeting_chart_note ON meeting`,
  `DROP FUNCTION meeting_chart_note()`,
  `CREATE TRIGGER meeting_rollup AFTER INSERT OR DELETE ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_rollup()`,
  `CREATE TRIGGER meeting_rollup_update AFTER UPDATE ON meeting FOR EACH ROW
    WHEN (OLD.party_codes IS DISTINCT FROM NEW.party_codes OR OLD.date IS DISTINCT FROM NEW.date OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.type IS DISTINCT FROM NEW.type OR OLD.review_status IS DISTINCT FROM NEW.review_status OR OLD.sectors IS DISTINCT FROM NEW.sectors)
    EXECUTE FUNCTION meeting_rollup()`,
  `DROP FUNCTION rollup_dyad_meeting_changes(meeting[], int[])`,
  `DROP FUNCTION rollup_meeting_changes(meeting[], int[])`,
];

// rollup_rebuild() drops its own transaction's notes at its end, not its start: mending a stale party set (a meeting's
// now, as a proposal's or a follow-up's before) notes the row's change, which the rebuild has already counted
const REBUILD: TextChange[] = [
  [`        DELETE FROM rollup_chart_pending WHERE xid = pg_current_xact_id_if_assigned();
        PERFORM follow_up_origin_rebuild();`, `        PERFORM follow_up_origin_rebuild();`],
  [`        IF with_party_sets THEN PERFORM meeting_participant_copies_rebuild(); END IF;
      END`, `        IF with_party_sets THEN PERFORM meeting_participant_copies_rebuild(); END IF;
        DELETE FROM rollup_chart_pending WHERE xid = pg_current_xact_id_if_assigned();
      END`],
];

// rollup_chart_flush takes the meetings' notes too
const FLUSH: TextChange[] = [
  ['DECLARE p proposal[]; ps int[];', 'DECLARE m meeting[]; ms int[]; p proposal[]; ps int[];'],
  [
    `SELECT array_agg(jsonb_populate_record(NULL::proposal, keys)) FILTER (WHERE kind = 'P')`,
    `SELECT array_agg(jsonb_populate_record(NULL::meeting, keys)) FILTER (WHERE kind = 'M'), array_agg(sign::int) FILTER (WHERE kind = 'M'),
             array_agg(jsonb_populate_record(NULL::proposal, keys)) FILTER (WHERE kind = 'P')`,
  ],
  ['INTO p, ps, f, fs FROM taken;', 'INTO m, ms, p, ps, f, fs FROM taken;'],
  [
    `      IF p IS NOT NULL THEN`,
    `      IF m IS NOT NULL THEN
        PERFORM rollup_meeting_changes(m, ms);
        PERFORM rollup_dyad_meeting_changes(m, ms);
      END IF;
      IF p IS NOT NULL THEN`,
  ],
];

export class MeetingRollupsAtCommit1800000000021 implements MigrationInterface {
  name = 'MeetingRollupsAtCommit1800000000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of up) await queryRunner.query(sql);
    await rewriteFunction(queryRunner, 'MeetingRollupsAtCommit', 'rollup_chart_flush()', FLUSH);
    await rewriteFunction(queryRunner, 'MeetingRollupsAtCommit', 'rollup_rebuild(boolean)', REBUILD);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteFunction(queryRunner, 'MeetingRollupsAtCommit', 'rollup_rebuild(boolean)', undoing(REBUILD));
    await rewriteFunction(queryRunner, 'MeetingRollupsAtCommit', 'rollup_chart_flush()', undoing(FLUSH));
    for (const sql of down) await queryRunner.query(sql);
  }
}
