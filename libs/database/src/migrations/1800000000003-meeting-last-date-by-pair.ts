import type { MigrationInterface, QueryRunner } from 'typeorm';
import { apply, BACK_FROM_DATE } from './1798400000003-meeting-latest-date-back.js';

// Written by hand: when a meeting leaves a key of `rollup_meeting` whose latest date it held, a pair's latest date
// is found in `meeting_pair` (the pairs of every meeting not rejected, by pair and date: MeetingPairList1798500000000),
// reading the pair's meetings back from that date. Before, the pair's key read every meeting back from that date by
// the index of dates and kept those of both countries: one in about 780 at 1,000,000 meetings. There, a meeting that
// held its pair's latest date took 15.0–16.9 ms to edit (its date moved), 5.0–5.6 ms now. The keys of all meetings
// and of one country still read back by date: most meetings, or one in about 20, match there. (`rollup_meeting`
// keeps its countries as text: they are cast to meeting_pair's char(2), or its index is not used.)

// the pair's lookup goes before the one of the other scopes, which is kept as it was
const LOOKUP_OPENS = `UPDATE rollup_meeting r SET last_date = (
            SELECT x.date FROM meeting x`;
const LOOKUP_CLOSES = `ORDER BY x.date DESC LIMIT 1)
          FROM rollup_scopes(m.party_codes) s`;

function byPair(body: string): string {
  for (const part of [LOOKUP_OPENS, LOOKUP_CLOSES]) {
    if (body.split(part).length !== 2) throw new Error('MeetingLastDateByPair: rollup_meeting_apply of MeetingLatestDateBack changed; write this one out');
  }
  return body
    .replace(
      LOOKUP_OPENS,
      `UPDATE rollup_meeting r SET last_date = CASE WHEN r.b <> '' THEN (
            SELECT p.date FROM meeting_pair p JOIN meeting x ON x.id = p.meeting_id
            WHERE p.a = r.a::char(2) AND p.b = r.b::char(2) AND p.date >= r.month AND p.date <= m.date
              AND x.status = r.status AND x.type = r.type AND x.review_status <> 'REJECTED'
            ORDER BY p.date DESC LIMIT 1) ELSE (
            SELECT x.date FROM meeting x`,
    )
    .replace(LOOKUP_CLOSES, `ORDER BY x.date DESC LIMIT 1) END
          FROM rollup_scopes(m.party_codes) s`);
}

export class MeetingLastDateByPair1800000000003 implements MigrationInterface {
  name = 'MeetingLastDateByPair1800000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(apply(byPair(BACK_FROM_DATE)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(apply(BACK_FROM_DATE));
  }
}
