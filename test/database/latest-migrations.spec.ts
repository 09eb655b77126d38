import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase, undoMigrationsThrough } from '../support/database.js';
import { factories } from '../support/factories.js';
import { scoreDaysSql } from '../support/score-days.js';

// The latest migrations' up and down, each run back to what was there before and forward again:
// ScoreApplyGenericPlans1799980000000 (the score rollup's apply keeps one plan per query for the session; its
// values are checked against a recomputation by rollups.spec) and FollowUpStatusDue1799990000000 (the index on
// follow-ups' status alone becomes one on status and due date; the lists it serves are checked by
// test/api/follow-ups-list.spec and list-counts.spec) and ActorMeetingRollup1800000000000 (each actor's meetings
// kept in rollup_actor; checked against a recomputation by rollups.spec, the list's order by actor-meetings.spec),
// NewsItemList1800000000001 (the list's index and rollup; its counts checked by test/api/list-counts.spec) and
// DyadLastDateHeldMonth1800000000002 (a dyad's last date when its latest meeting leaves: rollups.spec) and
// MeetingLastDateByPair1800000000003 (a pair's latest date in rollup_meeting found through meeting_pair: rollups.spec)
// and TextSearchIndexes1800000000004 (trigram indexes for the text filters: test/api/text-filters.spec) and
// MeetingSourceLanguagePublisher1800000000005 (each source's language and publisher: meeting-source-order.spec) and
// FollowUpMeetingSectors1800000000006 (each follow-up's copy of its meeting's sectors: rollups.spec) and
// ParticipantMeetingCopies1800000000007 (each participation's copies of its meeting: actor-meetings.spec, rollups.spec)
// and SetRefreshInline1800000000008 (the stored country sets computed in the triggers' own queries: rollups.spec) and
// IdsInCreationOrder1800000000009 (ids the database makes begin with the time: test/database/ids.spec) and
// ScoreCellsWithoutStatistics1800000000010 (ANALYZE leaves the score rollup's cells out: below) and
// ScoreWholeMonths1800000000011 (the score rollup's whole months as one number per term: below; its values checked
// against a recomputation by rollups.spec and against the base rows by rollup-reads.spec) and
// StatementFollowUpOrigins1800000000012 (a statement's follow-ups count from the day they were recorded open: below;
// their closing checked by test/ingestion/meeting-status.spec) and IdsOrderedWithinMillisecond1800000000013 (the
// database's ids in order within a millisecond: test/database/ids.spec; down and up below) and IdsPlannedOnce1800000000014
// (uuid_v7() in PL/pgSQL, planned once per session: below and ids.spec) and StatementFollowUpParties1800000000015 (a
// statement's follow-ups take the statement's parties: below; their closing checked by test/ingestion/meeting-status.spec)
// and MeetingSectorsRollupAlone1800000000016 (a change of sectors alone moves only the sector rollup: below; its counts
// checked against a rebuild by rollups.spec) and DyadDayRollup1800000000017 (each dyad's meetings and proposals by day:
// below; checked against a rebuild by rollups.spec, its reads against the base rows by rollup-reads.spec) and
// ProposalHistoryIndex1800000000018 (the accepted readings indexed alone: below; the reads it serves checked against
// a resolution of every reading by proposal-history.spec) and OpenOwnerIndexOnce1800000000019 (open follow-ups indexed by
// owner set once: below; the candidates read by that index checked by test/ingestion/meeting-status.spec) and
// ScoreRebuildLighter1800000000020 (the score rollup's statement lighter, the same value on every day: below; its rollup
// checked against a rebuild after random edits by rollups.spec) and MeetingRollupsAtCommit1800000000021 (the meeting rollups
// written at commit: below; checked against a rebuild after random edits, many to a transaction, by rollups.spec) and
// ScoreNotesPerStatement1800000000022 (proposals and follow-ups noted for the score once per statement: below; the
// score checked against a rebuild after random edits by rollups.spec) and MeetingReferencesIndexed1800000000023 (the
// references a merge moves indexed: below; merges checked by test/api/cooperation-api.spec and rollups.spec) and
// FollowUpDerivedOnInsert1800000000024 (a new follow-up's derived columns set by one trigger: below; the columns checked
// against a rebuild after random edits by rollups.spec).
describe('the latest migrations, down and up again', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  const settings = async (): Promise<string[]> =>
    (await db.query(`SELECT proconfig FROM pg_proc WHERE oid = 'rollup_score_apply(uuid[], uuid[], uuid[])'::regprocedure`))[0].proconfig;
  const statusIndexes = async (): Promise<string[]> =>
    (await db.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'follow_up_action' AND indexdef ~ 'btree \\(status[,)]' ORDER BY 1`)).map(
      (row: { indexdef: string }) => row.indexdef.replace(/ ON public\.follow_up_action USING btree/, ''),
    );

  /** What `state` reads as the migrations leave it (`up`), once they are undone through `name` (`down`), and run again. */
  const expectDownAndUp = async <T>(name: string, state: () => Promise<T>, up: T, down: T) => {
    expect(await state()).toEqual(up);
    await undoMigrationsThrough(db, name);
    expect(await state()).toEqual(down);
    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(up);
  };
  /** Whether the body of function `name` has `fragment`. */
  const functionHas = (name: string, fragment: string) => async (): Promise<boolean> =>
    (await db.query(`SELECT strpos(prosrc, $2) > 0 AS it FROM pg_proc WHERE proname = $1`, [name, fragment]))[0].it;

  /** A copying migration's state: the copy read back, the triggers named like `triggers`, its index, and whether rollup_rebuild calls `rebuild`. */
  const copiesState = (copy: () => Promise<unknown>, names: { triggers: string; index: string; rebuild: string }) => async () => ({
    copy: await copy(),
    triggers: (await db.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE $1 ORDER BY 1`, [names.triggers])).map((row: { tgname: string }) => row.tgname),
    index: (await db.query(`SELECT to_regclass($1)::text AS name`, [names.index]))[0].name,
    rebuilds: await functionHas('rollup_rebuild', names.rebuild)(),
  });

  it('ScoreApplyGenericPlans sets generic plans on rollup_score_apply beside jit off, and down takes only that back', async () => {
    await expectDownAndUp('ScoreApplyGenericPlans1799980000000', settings, ['jit=off', 'plan_cache_mode=force_generic_plan'], ['jit=off']);
  });

  it('FollowUpStatusDue replaces the index on status by one on status and due date, and down gives the first back', async () => {
    await expectDownAndUp('FollowUpStatusDue1799990000000', statusIndexes, ['CREATE INDEX follow_up_status_due (status, due_date)'], [
      'CREATE INDEX "IDX_da95f23bd7ad890c0ef85b75d6" (status)',
    ]);
  });

  it('ActorMeetingRollup counts the meetings already there, and down takes the rollup, its triggers and its rebuild step away', async () => {
    const state = async () => ({
      table: (await db.query(`SELECT to_regclass('rollup_actor')::text AS name`))[0].name,
      triggers: (await db.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE '%actor_rollup%' ORDER BY 1`)).map((row: { tgname: string }) => row.tgname),
      rebuilds: (await db.query(`SELECT prosrc LIKE '%rollup_actor_rebuild%' AS it FROM pg_proc WHERE proname = 'rollup_rebuild'`))[0].it,
    });
    const up = {
      table: 'rollup_actor',
      triggers: ['meeting_actor_rollup_delete', 'meeting_actor_rollup_review', 'meeting_participant_actor_rollup_delete',
        'meeting_participant_actor_rollup_insert', 'meeting_participant_actor_rollup_update'],
      rebuilds: true,
    };
    expect(await state()).toEqual(up);
    await undoMigrationsThrough(db, 'ActorMeetingRollup1800000000000');
    expect(await state()).toEqual({ table: null, triggers: [], rebuilds: false });
    // written while there was no rollup: up counts it
    const [{ id: meeting }] = await db.query(`INSERT INTO meeting (type, status, review_status, version) VALUES ('MEETING', 'HELD', 'EXTRACTED', 1) RETURNING id`);
    const [{ id: actor }] = await db.query(`INSERT INTO actor (kind, name, name_key) VALUES ('PERSON', 'Karimi', 'karimi') RETURNING id`);
    await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) VALUES ($1, $2, 'Karimi'), ($1, $2, 'Karimi')`, [meeting, actor]);
    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(up);
    expect(await db.query(`SELECT sum(meetings)::int AS n FROM rollup_actor WHERE actor_id = $1`, [actor])).toEqual([{ n: 1 }]);
  });

  it('NewsItemList swaps the index on published_at for the list’s, and counts the items already there', async () => {
    const state = async () => ({
      indexes: (await db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'news_item' AND indexdef LIKE '%(published_at%' ORDER BY 1`)).map(
        (row: { indexname: string }) => row.indexname,
      ),
      rollup: (await db.query(`SELECT to_regclass('rollup_news_item')::text AS name`))[0].name,
    });
    const up = { indexes: ['news_item_listed'], rollup: 'rollup_news_item' };
    expect(await state()).toEqual(up);
    await undoMigrationsThrough(db, 'NewsItemList1800000000001');
    expect(await state()).toEqual({ indexes: ['IDX_fe35ddfc03768d34e038c42cb5'], rollup: null });
    await db.query(`INSERT INTO news_item (body, search_key, language, published_at, content_hash, extractor_version)
      VALUES ('Earlier', 'earlier', 'fa', '2024-03-09', repeat('e', 64), 'test')`);
    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(up);
    expect(await db.query(`SELECT language, day::text, sum(items)::int AS n FROM rollup_news_item GROUP BY 1, 2`)).toEqual([
      { language: 'fa', day: '2024-03-09', n: 1 },
    ]);
  });

  it('DyadLastDateHeldMonth looks for the latest month holding a date, and down takes only that back', async () => {
    await expectDownAndUp('DyadLastDateHeldMonth1800000000002', functionHas('rollup_dyad_meeting', 'y.last_date IS NOT NULL'), true, false);
  });

  it('MeetingLastDateByPair finds a pair’s latest date through meeting_pair, and down takes only that back', async () => {
    await expectDownAndUp('MeetingLastDateByPair1800000000003', functionHas('rollup_meeting_apply', 'FROM meeting_pair p JOIN meeting x'), true, false);
  });

  it('TextSearchIndexes adds trigram indexes of meeting summaries and follow-up descriptions, and down drops them', async () => {
    const indexes = async () =>
      (await db.query(`SELECT indexname FROM pg_indexes WHERE indexname IN ('meeting_summary_trgm', 'follow_up_description_trgm') ORDER BY 1`)).map(
        (row: { indexname: string }) => row.indexname,
      );
    await expectDownAndUp('TextSearchIndexes1800000000004', indexes, ['follow_up_description_trgm', 'meeting_summary_trgm'], []);
  });

  it('MeetingSourceLanguagePublisher copies the sources already there, and down takes the columns and the copying away', async () => {
    const factory = factories(db);
    const { id: meeting } = await factory.createMeeting({ parties: ['IR', 'KZ'] });
    const [{ id: item }] = await db.query(
      `INSERT INTO news_item (body, search_key, language, publisher, content_hash, extractor_version)
       VALUES ('x', 'x', 'ru', 'TASS', md5(random()::text) || md5(random()::text), 't') RETURNING id`,
    );
    await db.query(`INSERT INTO meeting_source (meeting_id, news_item_id) VALUES ($1, $2)`, [meeting, item]);
    const state = async () => ({
      columns: (await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'meeting_source' AND column_name IN ('language', 'publisher') ORDER BY 1`,
      )).map((row: { column_name: string }) => row.column_name),
      copies: await functionHas('news_item_source_order', 'publisher = NEW.publisher')(),
      row: (await db.query(`SELECT to_jsonb(ms) - 'meeting_id' - 'news_item_id' - 'published_at' - 'ingested_at' AS r FROM meeting_source ms WHERE news_item_id = $1`, [item]))[0].r,
    });
    await expectDownAndUp(
      'MeetingSourceLanguagePublisher1800000000005',
      state,
      { columns: ['language', 'publisher'], copies: true, row: { language: 'ru', publisher: 'TASS' } },
      { columns: [], copies: false, row: {} },
    );
  });

  it('FollowUpMeetingSectors copies the follow-ups already there, and down takes the column, its triggers and its rebuild away', async () => {
    const factory = factories(db);
    const { id: meeting } = await factory.createMeeting({ parties: ['IR', 'KZ'], sectors: ['CINEMA', 'TRADE'] });
    const { id: followUp } = await factory.createFollowUp({ meetingId: meeting, owners: ['IR'] });
    const state = copiesState(
      async () => (await db.query(`SELECT to_jsonb(f) -> 'meeting_sectors' AS s FROM follow_up_action f WHERE id = $1`, [followUp]))[0].s,
      { triggers: '%meeting_sectors%', index: 'follow_up_action_meeting_sectors_gin', rebuild: 'follow_up_meeting_sectors_rebuild' },
    );
    await expectDownAndUp(
      'FollowUpMeetingSectors1800000000006',
      state,
      { copy: ['CINEMA', 'TRADE'], triggers: ['follow_up_action_meeting_sectors', 'meeting_sectors_cascade'], index: 'follow_up_action_meeting_sectors_gin', rebuilds: true },
      { copy: null, triggers: [], index: null, rebuilds: false },
    );
  });

  it('ParticipantMeetingCopies copies the participations already there, and down takes the columns, their triggers and their rebuild away', async () => {
    const factory = factories(db);
    const { id: meeting } = await factory.createMeeting({ parties: ['IR', 'KZ'], date: '2025-02-03', reviewStatus: 'REJECTED' });
    const [{ id: actor }] = await db.query(`INSERT INTO actor (kind, name, name_key) VALUES ('PERSON', 'Sadeghi', 'sadeghi') RETURNING id`);
    const [{ id: participation }] = await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) VALUES ($1, $2, 'Sadeghi') RETURNING id`, [meeting, actor]);
    const state = copiesState(
      async () => (await db.query(`SELECT to_jsonb(p) - ARRAY['id', 'meeting_id', 'actor_id', 'name', 'title', 'organization', 'role'] AS c
        FROM meeting_participant p WHERE id = $1`, [participation]))[0].c,
      { triggers: 'meeting_participant_copies%', index: 'meeting_participant_actor_date', rebuild: 'meeting_participant_copies_rebuild' },
    );
    await expectDownAndUp(
      'ParticipantMeetingCopies1800000000007',
      state,
      {
        copy: { meeting_date: '2025-02-03', meeting_rejected: true, meeting_party_codes: ['IR', 'KZ'] },
        triggers: ['meeting_participant_copies', 'meeting_participant_copies_cascade'],
        index: 'meeting_participant_actor_date',
        rebuilds: true,
      },
      { copy: {}, triggers: [], index: null, rebuilds: false },
    );
  });

  it('SetRefreshInline computes the stored sets in the triggers\' own queries, and down gives the set function calls back', async () => {
    const factory = factories(db);
    const { id: meeting } = await factory.createMeeting({ parties: ['IR', 'KZ'], date: '2025-02-03' });
    const { id: followUp } = await factory.createFollowUp({ meetingId: meeting, owners: ['IR'] });
    const refreshers = ['meeting_party_refresh', 'proposal_party_refresh', 'follow_up_owner_codes_refresh'];
    const calls = async () => {
      const sources = await db.query(`SELECT proname, prosrc FROM pg_proc WHERE proname = ANY($1) ORDER BY 1`, [refreshers]);
      return sources.map((row: { proname: string; prosrc: string }) => `${row.proname}: ${/_set\(/.test(row.prosrc) ? 'calls' : 'inline'}`);
    };
    // the owner set still follows its rows, either way
    const owners = async () => {
      await db.query(`INSERT INTO follow_up_owner (follow_up_id, country_code) VALUES ($1, 'KZ')`, [followUp]);
      const withKz = (await db.query(`SELECT owner_codes::text[] AS o FROM follow_up_action WHERE id = $1`, [followUp]))[0].o;
      await db.query(`DELETE FROM follow_up_owner WHERE follow_up_id = $1 AND country_code = 'KZ'`, [followUp]);
      const without = (await db.query(`SELECT owner_codes::text[] AS o FROM follow_up_action WHERE id = $1`, [followUp]))[0].o;
      return { withKz, without };
    };
    const state = async () => ({ calls: await calls(), owners: await owners() });
    const owned = { withKz: ['IR', 'KZ'], without: ['IR'] };
    await expectDownAndUp(
      'SetRefreshInline1800000000008',
      state,
      { calls: refreshers.slice().sort().map((fn) => `${fn}: inline`), owners: owned },
      { calls: refreshers.slice().sort().map((fn) => `${fn}: calls`), owners: owned },
    );
  });

  it('IdsInCreationOrder makes the database\'s ids of version 7, and down gives the random ones back', async () => {
    const factory = factories(db);
    const defaults = async () =>
      [...new Set((await db.query(`SELECT column_default FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' AND column_default IS NOT NULL`))
        .map((row: { column_default: string }) => row.column_default))];
    // the version of the id of a meeting made now
    const version = async () => (await factory.createMeeting({ parties: ['IR', 'KZ'], date: '2025-02-03' })).id[14];
    const state = async () => ({ defaults: await defaults(), version: await version() });
    await expectDownAndUp('IdsInCreationOrder1800000000009', state, { defaults: ['uuid_v7()'], version: '7' }, { defaults: ['gen_random_uuid()'], version: '4' });
  });

  it('ScoreCellsWithoutStatistics leaves the score rollup\'s cells out of ANALYZE, and down puts them back', async () => {
    await factories(db).createMeeting({ parties: ['IR', 'KZ'], date: '2025-02-03' });
    await db.query('ANALYZE rollup_score');
    const analyzed = (await db.query(`SELECT attname FROM pg_stats WHERE tablename = 'rollup_score' ORDER BY 1`)).map((row: { attname: string }) => row.attname);
    expect(analyzed).toEqual(['a', 'b', 'month', 'shard']);
    // each cell column's statistics target (0: none gathered; -1: the default)
    const targets = async () =>
      (await db.query(`SELECT attname, coalesce(attstattarget::int, -1) AS target FROM pg_attribute
                       WHERE attrelid = 'rollup_score'::regclass AND attname IN ('meetings', 'advanced', 'signed', 'overdue') ORDER BY 1`))
        .map((row: { attname: string; target: number }) => `${row.attname} ${row.target}`);
    const cells = (target: number) => ['advanced', 'meetings', 'overdue', 'signed'].map((column) => `${column} ${target}`);
    await expectDownAndUp('ScoreCellsWithoutStatistics1800000000010', targets, cells(0), cells(-1));
  });

  it('ScoreWholeMonths writes a month a meeting covers whole as one number, and down back as cells, the days unchanged', async () => {
    await factories(db).createMeeting({ parties: ['CN', 'IQ'], date: '2025-04-13' });
    const pair = `s.a = 'CN' AND s.b = 'IQ'`;
    const state = async () => {
      const whole = (await db.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'rollup_score' AND column_name LIKE 'whole%'`))[0].n;
      // the weight on 13 April (the first day) and 1 May, and which months of the pair have cells
      const days = whole
        ? `SELECT month, day, w FROM (${scoreDaysSql(pair)}) d`
        : `SELECT s.month, i AS day, s.meetings[i] AS w FROM rollup_score s, generate_series(1, 31) i WHERE ${pair}`;
      const weights = await db.query(`SELECT round(w::numeric, 9)::float8 AS w FROM (${days}) d
        WHERE (month, day) IN (('2025-04-01'::date, 13), ('2025-05-01'::date, 1)) ORDER BY month`);
      const withCells = await db.query(`SELECT count(*)::int AS n FROM rollup_score s WHERE ${pair} AND meetings IS NOT NULL`);
      return { whole, weights: weights.map((row: { w: number }) => row.w), withCells: withCells[0].n };
    };
    const weights = [1, Number((0.5 ** (18 / 365)).toFixed(9))];
    // 25 months: the first and last in part, 23 whole
    await expectDownAndUp('ScoreWholeMonths1800000000011', state, { whole: 4, weights, withCells: 2 }, { whole: 0, weights, withCells: 25 });
  });

  it('StatementFollowUpOrigins dates a follow-up with no meeting from its first OPEN day, and down leaves it undated again', async () => {
    // recorded open on 2025-03-02 (60 days before it is due), with no meeting: a statement's
    const { id } = await factories(db).createFollowUp({ owners: ['IR', 'KZ'], dueDate: '2025-05-01' });
    const origin = async () => (await db.query(`SELECT origin_date::text AS origin FROM follow_up_action WHERE id = $1`, [id]))[0].origin;
    await expectDownAndUp('StatementFollowUpOrigins1800000000012', origin, '2025-03-02', null);
  });

  it('IdsOrderedWithinMillisecond puts the fraction of the millisecond in uuid_v7(), and down the random bits back', async () => {
    await expectDownAndUp('IdsOrderedWithinMillisecond1800000000013', functionHas('uuid_v7', '4096'), true, false);
  });

  it('IdsPlannedOnce writes uuid_v7() in PL/pgSQL, its ids still of version 7 and in order, and down gives the SQL one back', async () => {
    const state = async () => {
      const [{ language }] = await db.query(`SELECT l.lanname AS language FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'uuid_v7'`);
      const ids: string[] = (await db.query(`SELECT uuid_v7()::text AS id FROM generate_series(1, 50) g, LATERAL pg_sleep(0.00002)`)).map((row: { id: string }) => row.id);
      return { language, version7: ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/.test(id)), ordered: ids.every((id, i) => !i || ids[i - 1] < id) };
    };
    await expectDownAndUp('IdsPlannedOnce1800000000014', state, { language: 'plpgsql', version7: true, ordered: true }, { language: 'sql', version7: true, ordered: true });
  });

  it('StatementFollowUpParties gives a statement\'s follow-up the statement\'s parties, and down its owners again', async () => {
    const { id } = await factories(db).createFollowUp({ description: 'visit Kazakhstan', owners: ['RU'] });
    await db.query(`UPDATE follow_up_action SET stated_party_codes = '{KZ,RU}', party_codes = '{}' WHERE id = $1`, [id]);
    const state = async () => ({
      parties: (await db.query(`SELECT party_codes FROM follow_up_action WHERE id = $1`, [id]))[0].party_codes,
      column: (await db.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'follow_up_action' AND column_name = 'stated_party_codes'`))[0].n,
    });
    // (up again: the column comes back empty, and the parties stated are not known any more)
    expect(await state()).toEqual({ parties: ['KZ', 'RU'], column: 1 });
    await undoMigrationsThrough(db, 'StatementFollowUpParties1800000000015');
    expect(await state()).toEqual({ parties: ['RU'], column: 0 });
    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual({ parties: ['RU'], column: 1 });
  });

  it('MeetingSectorsRollupAlone gives a change of sectors alone the sector rollup\'s function, and down the whole round again', async () => {
    const state = async () => ({
      trigger: await functionHas('meeting_rollup', 'rollup_meeting_sectors_apply(')(),
      apply: await functionHas('rollup_meeting_apply', 'PERFORM rollup_meeting_sectors_apply(m.sectors, mon, m.status, delta);')(),
      fn: (await db.query(`SELECT to_regprocedure('rollup_meeting_sectors_apply(sector[], date, event_status, int)')::text AS fn`))[0].fn,
    });
    await expectDownAndUp('MeetingSectorsRollupAlone1800000000016', state,
      { trigger: true, apply: true, fn: 'rollup_meeting_sectors_apply(sector[],date,event_status,integer)' },
      { trigger: false, apply: false, fn: null });
  });

  it('DyadDayRollup counts the meetings and proposals already there by day, and down takes the table and its upkeep away', async () => {
    const state = async () => ({
      table: (await db.query(`SELECT to_regclass('rollup_dyad_day')::text AS name`))[0].name,
      meetings: await functionHas('rollup_dyad_meeting', 'rollup_dyad_day')(),
      proposals: await functionHas('rollup_dyad_proposal_changes', 'rollup_dyad_day')(),
      rebuilds: await functionHas('rollup_dyad_rebuild', 'rollup_dyad_day')(),
    });
    const up = { table: 'rollup_dyad_day', meetings: true, proposals: true, rebuilds: true };
    expect(await state()).toEqual(up);
    await undoMigrationsThrough(db, 'DyadDayRollup1800000000017');
    expect(await state()).toEqual({ table: null, meetings: false, proposals: false, rebuilds: false });
    // written while there was no table: up counts it (a held meeting of three, one of two not held)
    // (days no other case writes)
    await factories(db).createMeeting({ parties: ['IR', 'KZ', 'RU'], date: '2011-04-13' });
    await factories(db).createMeeting({ parties: ['IR', 'KZ'], date: '2011-04-14', status: 'SCHEDULED' });
    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(up);
    expect(await db.query(`SELECT day::text, a, b, sum(meetings)::int AS n FROM rollup_dyad_day WHERE day BETWEEN '2011-04-01' AND '2011-04-30'
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)).toEqual([
      { day: '2011-04-13', a: 'IR', b: 'KZ', n: 1 },
      { day: '2011-04-13', a: 'IR', b: 'RU', n: 1 },
      { day: '2011-04-13', a: 'KZ', b: 'RU', n: 1 },
    ]);
  });

  it('ProposalHistoryIndex indexes the accepted readings alone, and down drops the index', async () => {
    const state = async () =>
      (await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'proposal_status_change_accepted'`)).map((row: { indexdef: string }) => row.indexdef);
    await expectDownAndUp('ProposalHistoryIndex1800000000018', state,
      ['CREATE INDEX proposal_status_change_accepted ON public.proposal_status_change USING btree (proposal_id, effective_date) WHERE accepted'], []);
  });

  it('OpenOwnerIndexOnce leaves one index of open follow-ups by owner set, and down gives the narrower one back', async () => {
    const state = async () =>
      (await db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'follow_up_action' AND indexdef ~ 'btree \\(owner_codes' ORDER BY 1`))
        .map((row: { indexname: string }) => row.indexname);
    await expectDownAndUp('OpenOwnerIndexOnce1800000000019', state,
      ['follow_up_open_owner_origin'], ['follow_up_open_owner_codes', 'follow_up_open_owner_origin']);
  });

  it('ScoreRebuildLighter counts a range\'s later last month as whole and keys the rebuild\'s items after them, every day\'s value unchanged, and down as before', async () => {
    // a meeting (its 730 days end on 2027-04-12), a signed MoU (agreed and signed: two terms) and an overdue follow-up
    // of one pair, in months that start and end in part
    const pair = `s.a = 'GE' AND s.b = 'TM'`;
    const meeting = await factories(db).createMeeting({ parties: ['GE', 'TM'], date: '2025-04-13' });
    await factories(db).createProposal({ parties: ['GE', 'TM'], history: [{ status: 'SIGNED', date: '2025-06-20' }] });
    await factories(db).createFollowUp({ owners: ['GE', 'TM'], meetingId: meeting.id, dueDate: '2025-09-05' });
    const readDays = (): Promise<{ month: string; day: number; w: number; adv: number; sig: number; ovd: number }[]> =>
      db.query(`SELECT month::text AS month, day, round(w::numeric, 9)::float8 AS w, adv, sig, ovd
        FROM (${scoreDaysSql(pair)}) d WHERE w <> 0 OR adv <> 0 OR sig <> 0 OR ovd <> 0 ORDER BY month, day`);
    // as the pass at commit wrote them
    const committed = await readDays();
    const state = async () => {
      await db.query(`SELECT rollup_score_rebuild()`);
      const days = await readDays();
      // how the meeting's last month (April 2027) is stored: a whole-month number, or none and cells from the 1st
      const [last] = await db.query(`SELECT s.whole_meetings <> 0 AS whole, s.meetings[1] <> 0 AS "firstCell" FROM rollup_score s
        WHERE ${pair} AND s.month = '2027-04-01'`);
      const [key] = await db.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'rollup_score_item_pkey'`);
      return { days, last, keyedAfter: await functionHas('rollup_score_rebuild', 'ADD CONSTRAINT rollup_score_item_pkey')(), key: key?.def };
    };
    const up = await state();
    expect(up.days).toEqual(committed);
    // the meeting counts on its 730 days, from 13 April 2025 to 12 April 2027, and not after
    const met = up.days.filter((d) => d.w > 0);
    expect(met).toHaveLength(730);
    expect([met[0], met.at(-1)]).toMatchObject([{ month: '2025-04-01', day: 13 }, { month: '2027-04-01', day: 12 }]);
    expect(up.days.some((d) => d.sig === 1)).toBe(true);
    expect(up.days.some((d) => d.ovd === 1)).toBe(true);
    const key = 'PRIMARY KEY (item, term, a, b, s)';
    await expectDownAndUp('ScoreRebuildLighter1800000000020', state,
      { days: up.days, last: { whole: true, firstCell: false }, keyedAfter: true, key },
      { days: up.days, last: { whole: false, firstCell: true }, keyedAfter: false, key });
  });

  it('MeetingRollupsAtCommit notes meetings for the pass at commit, and down gives the row triggers back, the counts kept either way', async () => {
    const counts = (): Promise<{ a: string; b: string; n: number }[]> => db.query(`SELECT a, b, sum(meetings)::int AS n FROM rollup_meeting
      WHERE month = '2012-02-01' GROUP BY 1, 2 HAVING sum(meetings) <> 0 ORDER BY 1, 2`);
    const state = async () => ({
      triggers: (await db.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'meeting'::regclass AND tgname ~ '^meeting_(rollup|chart_note)' ORDER BY 1`))
        .map((row: { tgname: string }) => row.tgname),
      flushed: await functionHas('rollup_chart_flush', 'PERFORM rollup_meeting_changes(m, ms);')(),
      // a meeting written in a transaction: counted inside it by the row triggers, at commit by the pass
      inside: await db.transaction(async (manager) => {
        const { id } = await factories(manager).createMeeting({ parties: ['GE', 'TM'], date: '2012-03-14' });
        const seen = (await manager.query(`SELECT count(*)::int AS n FROM rollup_meeting WHERE a = 'GE' AND b = 'TM' AND month = '2012-03-01'`))[0].n > 0;
        await manager.query(`DELETE FROM meeting WHERE id = $1`, [id]);
        return seen;
      }),
    });
    await factories(db).createMeeting({ parties: ['GE', 'TM'], date: '2012-02-10' });
    const before = await counts();
    expect(before).toEqual([{ a: '', b: '', n: 1 }, { a: 'GE', b: '', n: 1 }, { a: 'GE', b: 'TM', n: 1 }, { a: 'TM', b: '', n: 1 }]);
    await expectDownAndUp('MeetingRollupsAtCommit1800000000021', state,
      { triggers: ['meeting_chart_note', 'meeting_chart_note_update'], flushed: true, inside: false },
      { triggers: ['meeting_rollup', 'meeting_rollup_update'], flushed: false, inside: true });
    expect(await counts()).toEqual(before);
  });

  it('ScoreNotesPerStatement notes proposals and follow-ups added or deleted once per statement, and down once per row again', async () => {
    const state = async () => {
      // a signed MoU and a follow-up due on it, written with no history or owners (whose own triggers would note it too):
      // each counted in the score's ranges, and taken out with it
      const { id } = await factories(db).createProposal({ parties: ['GE', 'TM'], history: [{ status: 'SIGNED', date: '2013-05-20' }] });
      const followUp = await factories(db).createFollowUp({ proposalId: id, dueDate: '2013-06-01', history: [] });
      const terms = async () => (await db.query(`SELECT array_agg(DISTINCT term ORDER BY term) AS terms FROM rollup_score_item
        WHERE item IN ($1, $2)`, [id, followUp.id]))[0].terms;
      const added = await terms();
      await db.query(`DELETE FROM follow_up_action WHERE proposal_id = $1`, [id]);
      await db.query(`DELETE FROM proposal WHERE id = $1`, [id]);
      return {
        added, deleted: await terms(),
        triggers: (await db.query(`SELECT tgname FROM pg_trigger WHERE tgname ~ '^(proposal|follow_up_action)_score_' ORDER BY 1`))
          .map((row: { tgname: string }) => row.tgname),
      };
    };
    await expectDownAndUp('ScoreNotesPerStatement1800000000022', state,
      { added: ['A', 'O', 'S'], deleted: null, triggers: ['follow_up_action_score_delete', 'follow_up_action_score_insert', 'follow_up_action_score_rollup_update',
        'proposal_score_delete', 'proposal_score_insert', 'proposal_score_rollup_update'] },
      { added: ['A', 'O', 'S'], deleted: null, triggers: ['follow_up_action_score_rollup', 'follow_up_action_score_rollup_update', 'proposal_score_rollup', 'proposal_score_rollup_update'] });
  });

  it('MeetingReferencesIndexed indexes the references a merge moves, usable by its moves, and down drops the indexes', async () => {
    // each move of a merge, planned with scans of whole tables ruled out: an index scan when an index serves it
    const moves = [['proposal_status_change', 'meeting_id'], ['follow_up_status_change', 'meeting_id'], ['proposal', 'origin_meeting_id']];
    const state = () => db.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      const plans: string[] = [];
      for (const [table, column] of moves) {
        const plan = await manager.query(`EXPLAIN UPDATE ${table} SET ${column} = gen_random_uuid() WHERE ${column} = ANY(ARRAY[gen_random_uuid()])`);
        plans.push(/ using (\w+)/.exec(plan.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n'))?.[1] ?? 'a scan of the table');
      }
      return plans;
    });
    await expectDownAndUp('MeetingReferencesIndexed1800000000023', state,
      ['proposal_status_change_meeting', 'follow_up_status_change_meeting', 'proposal_origin_meeting'],
      ['a scan of the table', 'a scan of the table', 'a scan of the table']);
  });

  it('FollowUpDerivedOnInsert sets a new follow-up\'s derived columns in one trigger, as the three did, and down gives the three back', async () => {
    const make = factories(db);
    const held = await make.createMeeting({ parties: ['GE', 'TM'], date: '2014-03-09', sectors: ['ENERGY'] });
    const announced = await make.createMeeting({ parties: ['GE', 'TM', 'UZ'], date: '2014-05-01', status: 'SCHEDULED', sectors: ['TRADE'] });
    const { id: proposalId } = await make.createProposal({ parties: ['GE', 'UZ'] });
    const state = async () => {
      // written as the batch writes them: one statement, with no history or owners yet
      const rows = await db.query(`INSERT INTO follow_up_action (description, horizon, status, version, meeting_id, proposal_id, stated_party_codes)
        VALUES ('a', 'NEAR_TERM', 'OPEN', 1, $1, NULL, '{}'), ('b', 'NEAR_TERM', 'OPEN', 1, $2, $3, '{}'), ('c', 'NEAR_TERM', 'OPEN', 1, NULL, $3, '{}'),
               ('d', 'NEAR_TERM', 'OPEN', 1, NULL, NULL, '{GE,TM}'), ('e', 'NEAR_TERM', 'OPEN', 1, NULL, NULL, '{}')
        RETURNING description, origin_date::text AS origin, party_codes::text[] AS parties, meeting_sectors::text[] AS sectors`, [held.id, announced.id, proposalId]);
      await db.query(`DELETE FROM follow_up_action WHERE description IN ('a', 'b', 'c', 'd', 'e')`);
      const triggers = (await db.query(`SELECT tgname, pg_get_triggerdef(oid) ~ 'BEFORE INSERT' AS on_insert FROM pg_trigger
        WHERE tgrelid = 'follow_up_action'::regclass AND tgname IN ('follow_up_action_derived', 'follow_up_action_origin', 'follow_up_action_party_codes', 'follow_up_action_meeting_sectors')
        ORDER BY 1`)).map((row: { tgname: string; on_insert: boolean }) => `${row.tgname}${row.on_insert ? ' (insert)' : ''}`);
      return { rows, triggers };
    };
    const rows = [
      { description: 'a', origin: '2014-03-09', parties: ['GE', 'TM'], sectors: ['ENERGY'] },
      { description: 'b', origin: null, parties: ['GE', 'TM', 'UZ'], sectors: ['TRADE'] },
      { description: 'c', origin: null, parties: ['GE', 'UZ'], sectors: [] },
      { description: 'd', origin: null, parties: ['GE', 'TM'], sectors: [] },
      { description: 'e', origin: null, parties: [], sectors: [] },
    ];
    await expectDownAndUp('FollowUpDerivedOnInsert1800000000024', state,
      { rows, triggers: ['follow_up_action_derived (insert)', 'follow_up_action_meeting_sectors', 'follow_up_action_origin', 'follow_up_action_party_codes'] },
      { rows, triggers: ['follow_up_action_meeting_sectors (insert)', 'follow_up_action_origin (insert)', 'follow_up_action_party_codes (insert)'] });
  });
});
