import { PROPOSAL_LIFECYCLE, SECTORS } from '@dyad/domain';
import type { QueryRunner } from 'typeorm';

// A large synthetic dataset for `dyad bench api`, written with set-based SQL (generate_series, one
// INSERT … SELECT per table), so 100,000 meetings take seconds, not minutes. Random draws are seeded,
// so two runs build the same data.

/** 40 countries, the busiest first: draws skewed towards the start of the list give a few busy pairs. */
export const BENCH_COUNTRIES = [
  'IR', 'KZ', 'RU', 'CN', 'TR', 'IQ', 'AF', 'PK', 'IN', 'AM', 'AZ', 'TJ', 'UZ', 'TM', 'KG', 'GE', 'SY', 'LB', 'OM', 'QA',
  'AE', 'SA', 'KW', 'BH', 'EG', 'DZ', 'VE', 'CU', 'BR', 'ZA', 'ID', 'MY', 'BY', 'RS', 'IT', 'DE', 'FR', 'JP', 'KR', 'BD',
];

export interface SeedOptions {
  meetings: number;
  log: (line: string) => void;
}

/** The plan tables the steps draw from (unlogged: seen by every connection, dropped after the load). */
const PLAN_TABLES = ['bench_meeting', 'bench_news', 'bench_proposal', 'bench_follow_up'];

const SEEDED_TABLES = [
  'meeting', 'meeting_party', 'meeting_participant', 'meeting_source', 'news_item', 'actor', 'proposal', 'proposal_party',
  'proposal_status_change', 'follow_up_action', 'follow_up_owner', 'follow_up_status_change', 'evidence', 'meeting_pair',
];

const VACUUMED_TABLES = [
  'meeting', 'meeting_party', 'meeting_source', 'proposal', 'proposal_party', 'follow_up_action', 'follow_up_owner',
  'rollup_meeting', 'rollup_meeting_sector', 'rollup_proposal', 'rollup_proposal_sector', 'rollup_follow_up', 'rollup_dyad', 'rollup_dyad_month', 'rollup_dyad_due',
  'rollup_dyad_day', 'rollup_score', 'rollup_actor', 'rollup_news_item', 'meeting_pair', 'meeting_participant',
];

// Tables the seed leaves filled but neither seeds nor vacuums: the score rollup's items (rebuilt by its step) and the
// countries (filled by a migration, never analysed). Analysed at the end too: ingestion's StatisticsKeeper otherwise
// analysed them during the first ingest into the seeded database (478 ms in `bench ingest` at 1,000,000 meetings).
const ANALYZED_TABLES = ['rollup_score_item', 'country'];

/** The tables every rollup is computed from. */
const FACT_TABLES = ['meeting', 'meeting_party', 'proposal', 'proposal_party', 'proposal_status_change', 'follow_up_action', 'follow_up_owner', 'follow_up_status_change'];

/**
 * The id of a generated row (a news item, an actor, a participant, a status change, a quote): `part` (8001 to 8fff,
 * one per statement part, so parts never collide) and a number unique within the part. gen_random_uuid(), the tables'
 * default, costs about 2.3 µs a row on this machine, md5 of a few words 1 to 3.5 µs, this about 0.3: for the 8.4
 * million such rows at 1,000,000 meetings, about 15 s of the seed's CPU. Being ascending, they also make the primary
 * keys quick to build, with no sort. (Meetings, proposals and follow-ups keep md5 ids: `bench api` asks for meetings
 * by theirs.)
 */
const rowId = (part: number, n: string) => `('00000000-0000-4000-${part.toString(16)}-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * A plan meeting's party set as the stored one is kept (sorted, each country once): from its code_a, code_b and code_c.
 * Worked out once, in the plan: its meeting, participants, proposal and follow-up copy it.
 */
const PARTY_SET = `ARRAY(SELECT x FROM unnest(ARRAY[code_a, code_b, code_c]) x WHERE x IS NOT NULL ORDER BY x)::char(2)[]`;

interface Step {
  label: string;
  sql: string;
  /** The table the step fills; it runs after every earlier step that writes a table it reads or writes. */
  writes?: string;
  reads?: string[];
}

/**
 * Seeds an empty, migrated database; returns the row count of each table. The steps run side by side on the
 * given connections, each as soon as the steps it reads from are done.
 */
export async function seedBenchDataset(runners: QueryRunner[], { meetings, log }: SeedOptions): Promise<Record<string, number>> {
  const codes = `'{${BENCH_COUNTRIES.join(',')}}'::char(2)[]`;
  const sectors = `'{${SECTORS.join(',')}}'::sector[]`;
  const lifecycle = `'{${PROPOSAL_LIFECYCLE.join(',')}}'::proposal_status[]`;
  const n = BENCH_COUNTRIES.length;
  // one ingestion time for every item, written both to the item and to its meeting_source rows (loaded side by side)
  const ingestedAt = `'${new Date().toISOString()}'::timestamptz`;
  const steps: Step[] = [
    {
      label: 'plan meetings',
      writes: 'bench_meeting',
      // a: strongly skewed, b: mildly skewed and never a; one meeting in twelve has a third party
      sql: `CREATE UNLOGGED TABLE bench_meeting AS
        SELECT planned.*, ${PARTY_SET} AS party_codes FROM (
        SELECT i, md5('meeting' || i)::uuid AS id, a, b, (${codes})[a + 1] AS code_a, (${codes})[b + 1] AS code_b,
               CASE WHEN r_third < 0.08 AND c NOT IN (a, b) THEN (${codes})[c + 1] END AS code_c,
               current_date - floor(3650 * power(r_date, 1.7))::int AS date,
               CASE WHEN r_type < 0.55 THEN 'MEETING' WHEN r_type < 0.75 THEN 'VISIT' WHEN r_type < 0.9 THEN 'CALL' ELSE 'SIGNING' END AS type,
               CASE WHEN s1 = s2 OR r_two < 0.6 THEN ARRAY[(${sectors})[s1 + 1]]
                    ELSE ARRAY[(${sectors})[s1 + 1], (${sectors})[s2 + 1]] END AS sectors,
               CASE WHEN r_review < 0.02 THEN 'REJECTED' WHEN r_review < 0.1 THEN 'CONFIRMED' ELSE 'EXTRACTED' END AS review,
               r_source < 0.2 AS two_sources, r_kind, r_status, r_side, r_horizon, r_fu
        FROM (
          SELECT i, a, CASE WHEN b0 = a THEN (a + 1 + floor(r_b * ${n - 1})::int) % ${n} ELSE b0 END AS b, c,
                 r_third, r_date, r_type, r_two, s1, s2, r_review, r_source, r_kind, r_status, r_side, r_horizon, r_fu
          FROM (
            SELECT i, floor(${n} * power(random(), 2.2))::int AS a, floor(${n} * power(random(), 1.3))::int AS b0,
                   floor(${n} * random())::int AS c, random() AS r_b, random() AS r_third, random() AS r_date,
                   random() AS r_type, random() AS r_two, floor(18 * power(random(), 1.5))::int AS s1,
                   floor(20 * random())::int AS s2, random() AS r_review, random() AS r_source, random() AS r_kind,
                   random() AS r_status, random() AS r_side, random() AS r_horizon, random() AS r_fu
            FROM generate_series(1, ${meetings}) AS i
          ) draws
        ) pairs
        ) planned`,
    },
    {
      label: 'meetings',
      writes: 'meeting', reads: ['bench_meeting'],
      // the stored party set is written here (the triggers that keep it are off during the load)
      sql: `INSERT INTO meeting (id, type, date, date_source, location_country_code, sectors, summary, review_status, confidence, version, party_codes)
        SELECT id, type::event_type, date, 'TEXT', code_b, sectors, 'Bench meeting ' || i, review::review_status, 0.8, 1, party_codes
        FROM bench_meeting
        ORDER BY id`,
    },
    {
      label: 'meeting pairs',
      writes: 'meeting_pair', reads: ['meeting'],
      // what the meeting_pair triggers (off during the load) write: each pair of a non-rejected meeting's parties
      sql: `INSERT INTO meeting_pair (a, b, date, meeting_id)
        SELECT p.a, p.b, m.date, m.id FROM meeting m CROSS JOIN LATERAL party_pairs(m.party_codes) p
        WHERE m.review_status <> 'REJECTED' AND cardinality(m.party_codes) > 1`,
    },
    {
      label: 'meeting parties',
      writes: 'meeting_party', reads: ['bench_meeting'],
      sql: `INSERT INTO meeting_party (meeting_id, country_code)
        SELECT id, code_a FROM bench_meeting
        UNION ALL SELECT id, code_b FROM bench_meeting
        UNION ALL SELECT id, code_c FROM bench_meeting WHERE code_c IS NOT NULL`,
    },
    {
      label: 'plan news items',
      writes: 'bench_news', reads: ['bench_meeting'],
      sql: `CREATE UNLOGGED TABLE bench_news AS
        SELECT ${rowId(0x800b, 'm.i * 2 + s')} AS id, m.id AS meeting_id, m.i, s, m.date, m.code_a,
               (ARRAY['fa', 'en', 'ru'])[1 + (m.i + s) % 3] AS language, 'Bench News ' || s AS publisher,
               format('%s and %s held talks on %s cooperation on %s. The delegations discussed joint projects, the exchange '
                 || 'of experts and a memorandum of understanding to be signed in the near future. Report %s-%s. %s',
                 ca.name_en, cb.name_en, lower(m.sectors[1]::text), m.date, m.i, s,
                 repeat('The two sides stressed the importance of expanding bilateral relations. ', 2)) AS body,
               lower(format('%s and %s %s %s', ca.name_en, cb.name_en, m.sectors[1]::text, m.date)) AS words
        FROM bench_meeting m
        JOIN country ca ON ca.code = m.code_a
        JOIN country cb ON cb.code = m.code_b
        CROSS JOIN LATERAL generate_series(1, CASE WHEN m.two_sources THEN 2 ELSE 1 END) AS s`,
    },
    {
      label: 'news items',
      writes: 'news_item', reads: ['bench_news'],
      sql: `INSERT INTO news_item (id, url, title, body, search_key, language, published_at, ingested_at, publisher, publisher_country_code,
                                   content_hash, extractor_version)
        SELECT id, 'https://bench.dyad.invalid/' || i || '/' || s, 'Bench report ' || i || '-' || s, body,
               -- the search key of a real item is its whole normalised text; here the title and the words that differ
               -- from one generated body to another (countries, sector, date; the rest is the same sentences): the
               -- trigram index, the slowest step of the load, then takes a fraction of the time
               lower('Bench report ' || i || '-' || s) || ' ' || words, language,
               date + (s - 1), ${ingestedAt}, publisher, code_a, encode(sha256(convert_to(id::text, 'UTF8')), 'hex'), 'bench'
        -- (in the plan's order: the ids ascend with it, so the primary key is appended to without sorting the rows)
        FROM bench_news`,
    },
    { label: 'meeting sources', writes: 'meeting_source', reads: ['bench_news'], sql: `INSERT INTO meeting_source (meeting_id, news_item_id, published_at, ingested_at, language, publisher)
        SELECT meeting_id, id, date + (s - 1), ${ingestedAt}, language, publisher FROM bench_news ORDER BY meeting_id, id` },
    {
      label: 'actors',
      writes: 'actor',
      sql: `INSERT INTO actor (id, kind, name, name_key, country_code)
        -- actor k of the country at index a (from 0) of the list: its id's number is a * 64 + k
        SELECT ${rowId(0x800a, '(c.n - 1) * 64 + k')}, (CASE WHEN k % 3 = 0 THEN 'ORGANIZATION' ELSE 'PERSON' END)::actor_kind,
               'Official ' || k || ' of ' || c.code, lower('official ' || k || ' of ' || c.code), c.code
        FROM unnest(${codes}) WITH ORDINALITY AS c(code, n) CROSS JOIN generate_series(1, 50) AS k`,
    },
    {
      label: 'meeting participants',
      writes: 'meeting_participant', reads: ['bench_meeting'],
      // with what the meeting_participant_copies trigger (off during the load) copies of each one's meeting
      sql: `INSERT INTO meeting_participant (id, meeting_id, actor_id, title, role, meeting_date, meeting_rejected, meeting_party_codes)
        SELECT x.id, x.meeting_id, x.actor_id, x.title, x.role, b.date, b.review = 'REJECTED', b.party_codes
        FROM bench_meeting b
        CROSS JOIN LATERAL (VALUES
          (${rowId(0x8001, 'b.i')}, b.id, ${rowId(0x800a, 'b.a * 64 + 1 + b.i % 50')}, 'Minister', 'host'),
          (${rowId(0x8002, 'b.i')}, b.id, ${rowId(0x800a, 'b.b * 64 + 1 + (b.i * 7) % 50')}, 'Ambassador', 'guest')) AS x(id, meeting_id, actor_id, title, role)`,
    },
    {
      label: 'plan proposals',
      writes: 'bench_proposal', reads: ['bench_meeting'],
      // a third of the meetings propose something; where it got to: PROPOSED 35%, AGREED 20%, NEGOTIATING 10%,
      // SIGNED 15%, IMPLEMENTING 8%, COMPLETED 4%, else STALLED or WITHDRAWN after one to three steps
      sql: `CREATE UNLOGGED TABLE bench_proposal AS
        SELECT md5('proposal' || i)::uuid AS id, i, id AS meeting_id, date, code_a, code_b, code_c, party_codes, sectors,
               (ARRAY['MOU', 'AGREEMENT', 'JOINT_PROJECT', 'EVENT', 'EXCHANGE', 'TRAINING', 'VISIT', 'OTHER'])[1 + floor(r_kind * 8)::int] AS kind,
               CASE WHEN r_status < 0.35 THEN 1 WHEN r_status < 0.55 THEN 2 WHEN r_status < 0.65 THEN 3 WHEN r_status < 0.8 THEN 4
                    WHEN r_status < 0.88 THEN 5 WHEN r_status < 0.92 THEN 6 ELSE 1 + floor(r_side * 3)::int END AS top,
               CASE WHEN r_status >= 0.97 THEN 'WITHDRAWN' WHEN r_status >= 0.92 THEN 'STALLED' END AS side
        FROM bench_meeting WHERE i % 25 < 8`,
    },
    {
      label: 'proposals',
      writes: 'proposal', reads: ['bench_proposal'],
      // its history climbs the lifecycle to step `top`: that is the furthest step it reached
      sql: `INSERT INTO proposal (id, kind, title, description, search_key, sectors, status, status_date, origin_meeting_id, version,
                                  party_codes, funnel_step)
        SELECT id, kind::proposal_kind, t.title, 'Proposed at bench meeting ' || i, lower(t.title), sectors,
               coalesce(side, (${lifecycle})[top]::text)::proposal_status,
               least(date + (top - 1 + (side IS NOT NULL)::int) * 45, current_date), meeting_id, 1,
               party_codes, top
        FROM bench_proposal
        CROSS JOIN LATERAL (SELECT kind || ' on ' || lower(sectors[1]::text) || ' between ' || code_a || ' and ' || code_b AS title) t
        ORDER BY id`,
    },
    {
      label: 'proposal parties',
      writes: 'proposal_party', reads: ['bench_proposal'],
      sql: `INSERT INTO proposal_party (proposal_id, country_code)
        SELECT id, code_a FROM bench_proposal
        UNION ALL SELECT id, code_b FROM bench_proposal
        UNION ALL SELECT id, code_c FROM bench_proposal WHERE code_c IS NOT NULL`,
    },
    {
      label: 'proposal histories',
      writes: 'proposal_status_change', reads: ['bench_proposal'],
      // a proposal's steps are numbered i * 8 + s: it climbs at most six (top)
      sql: `INSERT INTO proposal_status_change (id, proposal_id, status, effective_date, meeting_id)
        SELECT ${rowId(0x8003, 'i * 8 + s')}, id, (${lifecycle})[s], least(date + (s - 1) * 45, current_date), CASE WHEN s = 1 THEN meeting_id END
        FROM bench_proposal CROSS JOIN LATERAL generate_series(1, top) AS s
        UNION ALL
        SELECT ${rowId(0x8004, 'i')}, id, side::proposal_status, least(date + top * 45, current_date), NULL FROM bench_proposal WHERE side IS NOT NULL`,
    },
    {
      label: 'plan follow-ups',
      writes: 'bench_follow_up', reads: ['bench_meeting', 'bench_proposal'],
      // two meetings in five leave a follow-up; one in fifty of those is tied to the proposal only, one in a
      // hundred to its owners only
      sql: `CREATE UNLOGGED TABLE bench_follow_up AS
        SELECT md5('follow-up' || m.i)::uuid AS id, m.i, m.date, m.code_a, m.code_b, m.party_codes, m.sectors,
               CASE WHEN m.i % 50 = 1 AND p.id IS NOT NULL THEN NULL WHEN m.i % 100 = 3 THEN NULL ELSE m.id END AS meeting_id,
               CASE WHEN m.i % 100 = 3 THEN NULL ELSE p.id END AS proposal_id,
               h.horizon, h.due_date,
               CASE WHEN h.due_date < current_date THEN
                      CASE WHEN m.r_fu < 0.55 THEN 'DONE' WHEN m.r_fu < 0.65 THEN 'CANCELLED' WHEN m.r_fu < 0.8 THEN 'IN_PROGRESS' ELSE 'OPEN' END
                    ELSE CASE WHEN m.r_fu < 0.1 THEN 'DONE' WHEN m.r_fu < 0.3 THEN 'IN_PROGRESS' ELSE 'OPEN' END END AS status
        FROM bench_meeting m
        LEFT JOIN bench_proposal p ON p.i = m.i
        CROSS JOIN LATERAL (
          SELECT CASE WHEN m.r_horizon < 0.15 THEN 'IMMEDIATE' WHEN m.r_horizon < 0.65 THEN 'NEAR_TERM'
                      WHEN m.r_horizon < 0.8 THEN 'LONG_TERM' ELSE 'UNSPECIFIED' END AS horizon,
                 CASE WHEN m.r_horizon < 0.15 THEN m.date + 7 WHEN m.r_horizon < 0.65 THEN m.date + 120
                      WHEN m.r_horizon < 0.8 THEN m.date + 365 END AS due_date
        ) h
        WHERE m.i % 5 < 2`,
    },
    {
      label: 'follow-ups',
      writes: 'follow_up_action', reads: ['bench_follow_up'],
      // parties: its meeting's (or proposal's: the same countries), else its owners'
      // owners: the meeting's first two parties (code_a, code_b: never equal)
      // origin date: what follow_up_origin_rebuild() writes, its meeting's date (every bench meeting is held and
      // dated), else the day it was recorded open (its history's OPEN entry: the same date); sectors: its meeting's,
      // none without one
      sql: `INSERT INTO follow_up_action (id, description, horizon, due_date, due_date_estimated, status, meeting_id, proposal_id, version, party_codes,
                                          owner_codes, origin_date, meeting_sectors)
        SELECT id, 'Follow up bench meeting ' || i, horizon::follow_up_horizon, due_date, due_date IS NOT NULL,
               status::follow_up_status, meeting_id, proposal_id, 1,
               CASE WHEN meeting_id IS NULL AND proposal_id IS NULL THEN o.codes::char(2)[]
                    ELSE party_codes END,
               o.codes::char(2)[], date, CASE WHEN meeting_id IS NOT NULL THEN sectors ELSE '{}' END
        FROM bench_follow_up
        CROSS JOIN LATERAL (SELECT ARRAY(SELECT x FROM unnest(ARRAY[code_a, code_b]) x ORDER BY x)::text[] AS codes) o
        ORDER BY id`,
    },
    {
      label: 'follow-up owners',
      writes: 'follow_up_owner', reads: ['bench_follow_up'],
      sql: `INSERT INTO follow_up_owner (follow_up_id, country_code)
        SELECT id, code_a FROM bench_follow_up UNION ALL SELECT id, code_b FROM bench_follow_up`,
    },
    {
      label: 'follow-up histories',
      writes: 'follow_up_status_change', reads: ['bench_follow_up'],
      sql: `INSERT INTO follow_up_status_change (id, follow_up_id, status, effective_date)
        SELECT ${rowId(0x8005, 'i')}, id, 'OPEN', date FROM bench_follow_up
        UNION ALL
        SELECT ${rowId(0x8006, 'i')}, id, status::follow_up_status, least(coalesce(due_date, date + 30), current_date) FROM bench_follow_up WHERE status <> 'OPEN'`,
    },
    // rollup_rebuild(false), the party sets and pairs written with the rows and the origin dates with the follow-ups:
    // the score rollup, the chart rollups (each grouped first by party set, then spread over the set's countries and
    // pairs: a party set is shared by many rows, so the spreading is done once per group instead of once per row; the
    // same counts as rollup_rebuild_charts) and the dyad rollups read from them, side by side
    // the score rollup first: the longest step, so the other connections fill in around it
    { label: 'score rollup', reads: FACT_TABLES, sql: `SELECT rollup_score_rebuild()` },
    {
      label: 'meeting rollup',
      writes: 'rollup_meeting', reads: ['meeting'],
      sql: `INSERT INTO rollup_meeting (a, b, month, status, type, shard, meetings, last_date)
        SELECT s.a, s.b, g.month, g.status, g.type, 0, sum(g.n), max(g.last_date)
        FROM (SELECT m.party_codes, rollup_month(m.date, '-infinity') AS month, m.status, m.type, count(*) AS n, max(m.date) AS last_date
              FROM meeting m WHERE m.review_status <> 'REJECTED' GROUP BY 1, 2, 3, 4) g
        CROSS JOIN LATERAL rollup_scopes(g.party_codes) s
        GROUP BY 1, 2, 3, 4, 5 ORDER BY s.a COLLATE "C", s.b COLLATE "C", 3, 4, 5`,
    },
    {
      label: 'meeting sector rollup',
      writes: 'rollup_meeting_sector', reads: ['meeting'],
      sql: `INSERT INTO rollup_meeting_sector (sector, month, status, shard, meetings)
        SELECT x.sector, rollup_month(m.date, '-infinity'), m.status, 0, count(*)
        FROM meeting m CROSS JOIN LATERAL (SELECT DISTINCT unnest(m.sectors) AS sector) x WHERE m.review_status <> 'REJECTED'
        GROUP BY 1, 2, 3`,
    },
    {
      label: 'proposal rollup',
      writes: 'rollup_proposal', reads: ['proposal'],
      sql: `INSERT INTO rollup_proposal (a, b, month, status, kind, step, shard, proposals)
        SELECT s.a, s.b, g.month, g.status, g.kind, g.funnel_step, 0, sum(g.n)
        FROM (SELECT p.party_codes, rollup_month(p.status_date, '-infinity') AS month, p.status, p.kind, p.funnel_step, count(*) AS n
              FROM proposal p GROUP BY 1, 2, 3, 4, 5) g
        CROSS JOIN LATERAL rollup_scopes(g.party_codes) s
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY s.a COLLATE "C", s.b COLLATE "C", 3, 4, 5, 6`,
    },
    {
      label: 'proposal sector rollup',
      writes: 'rollup_proposal_sector', reads: ['proposal'],
      sql: `INSERT INTO rollup_proposal_sector (sector, month, status, shard, proposals)
        SELECT x.sector, rollup_month(p.status_date, '-infinity'), p.status, 0, count(*)
        FROM proposal p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.sectors) AS sector) x
        GROUP BY 1, 2, 3`,
    },
    {
      label: 'follow-up rollup',
      writes: 'rollup_follow_up', reads: ['follow_up_action'],
      sql: `INSERT INTO rollup_follow_up (a, b, due_month, status, horizon, shard, follow_ups)
        SELECT s.a, s.b, g.month, g.status, g.horizon, 0, sum(g.n)
        FROM (SELECT f.party_codes, rollup_month(f.due_date, 'infinity') AS month, f.status, f.horizon, count(*) AS n
              FROM follow_up_action f GROUP BY 1, 2, 3, 4) g
        CROSS JOIN LATERAL rollup_scopes(g.party_codes) s
        GROUP BY 1, 2, 3, 4, 5 ORDER BY s.a COLLATE "C", s.b COLLATE "C", 3, 4, 5`,
    },
    {
      label: 'dyad rollups',
      writes: 'rollup_dyad', reads: ['rollup_meeting', 'rollup_proposal', 'rollup_follow_up', 'follow_up_action', 'meeting', 'proposal'],
      sql: `SELECT rollup_dyad_rebuild()`,
    },
    { label: 'actor rollup', writes: 'rollup_actor', reads: ['meeting', 'meeting_participant'], sql: `SELECT rollup_actor_rebuild()` },
    { label: 'news item rollup', writes: 'rollup_news_item', reads: ['news_item'], sql: `SELECT rollup_news_item_rebuild()` },
    {
      label: 'evidence',
      writes: 'evidence', reads: ['bench_news', 'bench_proposal', 'bench_follow_up'],
      // quotes are real slices of the first source's body
      sql: `INSERT INTO evidence (id, news_item_id, start, "end", quote, meeting_id, proposal_id, follow_up_id)
        SELECT ${rowId(0x8007, 'n.i')}, n.id, 0, 60, substr(n.body, 1, 60), n.meeting_id, NULL::uuid, NULL::uuid FROM bench_news n WHERE n.s = 1
        UNION ALL
        SELECT ${rowId(0x8008, 'p.i')}, n.id, 60, 150, substr(n.body, 61, 90), NULL, p.id, NULL FROM bench_proposal p JOIN bench_news n ON n.meeting_id = p.meeting_id AND n.s = 1
        UNION ALL
        SELECT ${rowId(0x8009, 'f.i')}, n.id, 150, 240, substr(n.body, 151, 90), NULL, NULL, f.id FROM bench_follow_up f JOIN bench_news n ON n.i = f.i AND n.s = 1`,
    },
  ];

  const [runner] = runners;
  // Every connection loads with no triggers and no foreign-key checks: the rows are generated consistent, and the
  // party sets and rollups are written set-based (above) instead of row by row.
  for (const each of runners) {
    await each.query(`SET synchronous_commit = off`);
    await each.query(`SET session_replication_role = replica`);
    await each.query(`SET max_parallel_workers_per_gather = 2`);
    // compiling these one-off statements (JIT) costs more than it saves: a second for some, and the participants'
    // step ran 5.7 s without against 8.9 s with
    await each.query(`SET jit = off`);
    await each.query(`SET work_mem = '256MB'`);
    await each.query(`SET max_parallel_maintenance_workers = 2`);
    await each.query(`SET maintenance_work_mem = '256MB'`);
  }
  await runner.query(`SELECT setseed(0.42)`);
  const started = Date.now();
  // Secondary indexes are built once after the load (sorted, in bulk): much faster than growing them row by row.
  // GIN indexes first: they build on one core and take longest, so the other connections fill in around them; the
  // trigram ones (the news items' is the longest step after the score rollup) as soon as their table is written.
  const indexes: { name: string; table: string; definition: string }[] = await runner.query(
    `SELECT i.indexname AS name, i.tablename AS table, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
     ORDER BY i.indexdef LIKE '% USING gin %' DESC, i.indexname`,
    [SEEDED_TABLES],
  );
  for (const index of indexes) await runner.query(`DROP INDEX "${index.name}"`);
  for (const index of indexes) {
    const step: Step = { label: `index ${index.name}`, sql: index.definition, reads: [index.table] };
    const writer = index.definition.includes(' gin_trgm_ops') ? steps.findIndex((earlier) => earlier.writes === index.table) : -1;
    if (writer < 0) steps.push(step);
    else steps.splice(writer + 1, 0, step);
  }
  // So are the primary keys and unique constraints no foreign key depends on (the join tables', news_item's
  // content hash): dropped, and added again with the same name and definition. The others (meeting, news item,
  // proposal and follow-up ids) stay, and their rows are written in id order, so each insert appends to the index.
  const constraints: { name: string; table: string; definition: string }[] = await runner.query(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
     WHERE c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)`,
    [SEEDED_TABLES],
  );
  for (const constraint of constraints) await runner.query(`ALTER TABLE ${constraint.table} DROP CONSTRAINT "${constraint.name}"`);
  for (const constraint of constraints) {
    steps.push({
      label: `constraint ${constraint.name}`,
      sql: `ALTER TABLE ${constraint.table} ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`,
      reads: [constraint.table],
    });
  }
  // The triggers that keep rollups from a statement's new rows (a transition table) are dropped too, and created
  // again after the load: PostgreSQL keeps a copy of every row such a statement inserts even while triggers are off
  // (session_replication_role = replica only skips firing them), about 2 s a million rows of the news items' width.
  const triggers: { name: string; table: string; definition: string }[] = await runner.query(
    `SELECT t.tgname AS name, t.tgrelid::regclass::text AS table, pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t
     WHERE NOT t.tgisinternal AND t.tgnewtable IS NOT NULL AND t.tgtype & 4 <> 0 AND t.tgrelid::regclass::text = ANY($1)`,
    [SEEDED_TABLES],
  );
  for (const trigger of triggers) await runner.query(`DROP TRIGGER "${trigger.name}" ON ${trigger.table}`);
  let done = 0;
  await runSteps(runners, steps, (step, result, ms) => {
    const rows = typeof result.affected === 'number' ? ` (${result.affected.toLocaleString('en')} rows)` : '';
    log(`seed ${++done}/${steps.length} ${step.label}${rows} in ${(ms / 1000).toFixed(1)} s`);
  });
  for (const trigger of triggers) await runner.query(trigger.definition);
  await runner.query(`DROP TABLE ${PLAN_TABLES.join(', ')}`);
  const t0 = Date.now();
  // VACUUM the tables the reads walk by index-only scans (the list index, party rows, sources, rollups), so they
  // need no heap visits (autovacuum would do it later); the others (news items: most of the data) are only analysed,
  // as are ANALYZED_TABLES.
  const maintenance: Step[] = [
    ...VACUUMED_TABLES.map((table) => ({ label: `vacuum ${table}`, sql: `VACUUM (ANALYZE) ${table}` })),
    ...[...SEEDED_TABLES.filter((table) => !VACUUMED_TABLES.includes(table)), ...ANALYZED_TABLES].map((table) => ({ label: `analyze ${table}`, sql: `ANALYZE ${table}` })),
  ];
  await runSteps(runners, maintenance, () => {});
  log(`vacuum analyze in ${((Date.now() - t0) / 1000).toFixed(1)} s; seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const counts = await runner.query(SEEDED_TABLES.map((table) => `SELECT '${table}' AS name, count(*)::int AS rows FROM ${table}`).join(' UNION ALL '));
  return Object.fromEntries((counts as { name: string; rows: number }[]).map((row) => [row.name, row.rows]));
}

/**
 * Runs `steps` on `runners`, each connection taking the first step whose inputs are ready: a step waits for every
 * earlier step that writes a table it reads or writes. On a failure no further step starts, the running ones
 * finish, and the first error is thrown.
 */
async function runSteps(
  runners: QueryRunner[],
  steps: Step[],
  onDone: (step: Step, result: { affected?: number }, ms: number) => void,
): Promise<void> {
  const finished = new Set<Step>();
  const started = new Set<Step>();
  const ready = (index: number) => {
    const needs = new Set([...(steps[index].reads ?? []), ...(steps[index].writes ? [steps[index].writes] : [])]);
    return steps.slice(0, index).every((earlier) => finished.has(earlier) || !earlier.writes || !needs.has(earlier.writes));
  };
  let failure: unknown;
  const waiting: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiting.push(resolve));
  const worker = async (runner: QueryRunner) => {
    while (failure === undefined && started.size < steps.length) {
      const index = steps.findIndex((step, i) => !started.has(step) && ready(i));
      if (index < 0) {
        await changed();
        continue;
      }
      const step = steps[index];
      started.add(step);
      const t0 = Date.now();
      try {
        const result = await runner.query(step.sql, [], true);
        // a plan table is analysed before anything reads it: unanalysed, a million rows were taken for 15,000, and the
        // evidence joined its sources by sorting their bodies on disk
        if (step.writes && PLAN_TABLES.includes(step.writes)) await runner.query(`ANALYZE ${step.writes}`);
        finished.add(step);
        onDone(step, result, Date.now() - t0);
      } catch (error) {
        failure ??= new Error(`seed step "${step.label}" failed: ${(error as Error).message}`, { cause: error });
      }
      for (const resolve of waiting.splice(0)) resolve();
    }
  };
  await Promise.all(runners.map(worker));
  if (failure !== undefined) throw failure;
}
