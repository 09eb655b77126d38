import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingService, ProposalService, FollowUpService, AuditService, RequestContext, EVENT_STATUSES, EVENT_TYPES, SECTORS, PROPOSAL_STATUSES } from '@dyad/domain';
import type { DataSource, QueryRunner } from 'typeorm';
import { createTestDatabase, participantCopies, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';
import { scoreDaysSql } from '../support/score-days.js';
import { seededRandom as random } from '../support/random.js';

// The rollups and stored party sets, kept by triggers through random writes of every kind, equal a
// recomputation from the base rows (rollup_rebuild), shard by shard summed.

const CODES = ['IR', 'KZ', 'RU', 'CN', 'TR', 'IQ'];

/** Every rollup summed over its shards, zero rows left out, in one comparable shape. */
async function rollups(db: DataSource) {
  const read = (sql: string) => db.query(sql).then((rows: unknown[]) => JSON.stringify(rows));
  return {
    meeting: await read(`SELECT a, b, month::text, status, type, sum(meetings)::int AS n, max(last_date)::text AS last FROM rollup_meeting
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(meetings) <> 0 ORDER BY 1, 2, 3, 4, 5`),
    meetingSector: await read(`SELECT sector, month::text, status, sum(meetings)::int AS n FROM rollup_meeting_sector
      GROUP BY 1, 2, 3 HAVING sum(meetings) <> 0 ORDER BY 1, 2, 3`),
    proposal: await read(`SELECT a, b, month::text, status, kind, step, sum(proposals)::int AS n FROM rollup_proposal
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(proposals) <> 0 ORDER BY 1, 2, 3, 4, 5, 6`),
    proposalSector: await read(`SELECT sector, month::text, status, sum(proposals)::int AS n FROM rollup_proposal_sector
      GROUP BY 1, 2, 3 HAVING sum(proposals) <> 0 ORDER BY 1, 2, 3`),
    followUp: await read(`SELECT a, b, due_month::text, status, horizon, sum(follow_ups)::int AS n FROM rollup_follow_up
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(follow_ups) <> 0 ORDER BY 1, 2, 3, 4, 5`),
    // each dyad's totals (a row at zero stays: at most one per dyad and shard)
    dyad: await read(`SELECT a, b, sum(meetings)::int AS meetings, max(last_date)::text AS last, sum(proposals)::int AS proposals,
      sum(signed)::int AS signed, sum(open_follow_ups)::int AS open, sum(listed_meetings)::int AS listed FROM rollup_dyad
      GROUP BY 1, 2 HAVING sum(meetings) <> 0 OR sum(proposals) <> 0 OR sum(open_follow_ups) <> 0 OR sum(listed_meetings) <> 0 OR max(last_date) IS NOT NULL
      ORDER BY 1, 2`),
    dyadMonth: await read(`SELECT month::text, a, b, sum(meetings)::int AS meetings, max(last_date)::text AS last, sum(proposals)::int AS proposals,
      sum(signed)::int AS signed, sum(open_follow_ups)::int AS open FROM rollup_dyad_month
      GROUP BY 1, 2, 3 HAVING sum(meetings) <> 0 OR sum(proposals) <> 0 OR sum(open_follow_ups) <> 0 OR max(last_date) IS NOT NULL ORDER BY 1, 2, 3`),
    dyadDay: await read(`SELECT day::text, a, b, sum(meetings)::int AS meetings, sum(proposals)::int AS proposals, sum(signed)::int AS signed
      FROM rollup_dyad_day GROUP BY 1, 2, 3 HAVING sum(meetings) <> 0 OR sum(proposals) <> 0 OR sum(signed) <> 0 ORDER BY 1, 2, 3`),
    dyadDue: await read(`SELECT a, b, due_date::text, sum(open_follow_ups)::int AS open FROM rollup_dyad_due
      GROUP BY 1, 2, 3 HAVING sum(open_follow_ups) <> 0 ORDER BY 1, 2, 3`),
    // the score inputs: each fact's ranges exactly, the daily cells to 6 decimals (weights summed in another order)
    scoreItems: await read(`SELECT item, term, a, b, s::text, e::text FROM rollup_score_item ORDER BY 1, 2, 3, 4, 5`),
    score: await read(`SELECT month::text, a, b, array_agg(round(w::numeric, 6) ORDER BY i) AS meetings, array_agg(adv ORDER BY i) AS advanced,
      array_agg(sig ORDER BY i) AS signed, array_agg(ovd ORDER BY i) AS overdue
      FROM (SELECT month, a, b, day AS i, sum(w) AS w, sum(adv)::int AS adv, sum(sig)::int AS sig, sum(ovd)::int AS ovd
            FROM (${scoreDaysSql()}) days GROUP BY 1, 2, 3, 4) cells
      GROUP BY 1, 2, 3 HAVING bool_or(abs(w) >= 1e-9 OR adv <> 0 OR sig <> 0 OR ovd <> 0) ORDER BY 1, 2, 3`),
    partySets: await read(`SELECT 'm' AS t, id, party_codes FROM meeting UNION ALL SELECT 'p', id, party_codes FROM proposal
      UNION ALL SELECT 'f', id, party_codes FROM follow_up_action UNION ALL SELECT 's', id, ARRAY[funnel_step::text]::char(2)[] FROM proposal ORDER BY 1, 2`),
    // the day each follow-up counts from (linking's window of open follow-ups), kept by triggers
    originDates: await read(`SELECT id, origin_date::text FROM follow_up_action ORDER BY 1`),
    // each follow-up's copy of its meeting's sectors (the lists' sector filter), kept by triggers
    meetingSectors: await read(`SELECT id, meeting_sectors::text[] FROM follow_up_action ORDER BY 1`),
    // each participation's copies of its meeting's date, review and party set (an actor's page), kept by triggers
    participantCopies: await read(`SELECT id, meeting_date::text, meeting_rejected, meeting_party_codes::text[] FROM meeting_participant ORDER BY 1`),
    actor: await read(`SELECT actor_id, sum(meetings)::int AS n FROM rollup_actor GROUP BY 1 HAVING sum(meetings) <> 0 ORDER BY 1`),
    newsItem: await read(`SELECT language, day::text, sum(items)::int AS n FROM rollup_news_item GROUP BY 1, 2 HAVING sum(items) <> 0 ORDER BY 1, 2`),
  };
}

/** No meetings, proposals or follow-ups, and the rollups rebuilt from none. */
async function emptied(db: DataSource): Promise<void> {
  await db.query(`TRUNCATE meeting, proposal, follow_up_action CASCADE`);
  await db.query(`SELECT rollup_rebuild()`);
}

/** The rollups the triggers kept are those a rebuild makes. */
async function expectRebuildToKeep(db: DataSource): Promise<void> {
  const kept = await rollups(db);
  await db.query(`SELECT rollup_rebuild()`);
  expect(await rollups(db)).toEqual(kept);
}

/** `body` on two connections of `db` whose writes land in different shards (backends are sharded by process id). */
async function onTwoShards(db: DataSource, body: (first: QueryRunner, second: QueryRunner) => Promise<void>): Promise<void> {
  const shardOf = async (runner: QueryRunner) => (await runner.query(`SELECT rollup_shard() AS s`))[0].s as number;
  const runners = [db.createQueryRunner()];
  try {
    const shard = await shardOf(runners[0]);
    while ((await shardOf(runners[runners.length - 1])) === shard) {
      if (runners.length > 5) throw new Error('no second shard');
      runners.push(db.createQueryRunner());
    }
    await body(runners[0], runners[runners.length - 1]);
  } finally {
    for (const runner of runners) await runner.release();
  }
}

describe('rollups', () => {
  let database: TestDatabase;
  let dataSources: DataSource[];
  const ctx = RequestContext.system();

  beforeAll(async () => {
    database = await createTestDatabase();
    // two data sources: writes from different connections land in different shards
    dataSources = [await database.connect(), await database.connect()];
  });
  afterAll(() => database.drop());

  it.each([20261201, 11, 12])('equal a recomputation from the base rows after random ingests, edits, merges and deletes (seed %i)', async (seed) => {
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const someOf = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list)))];
    const date = () => (next() < 0.1 ? null : `202${Math.floor(next() * 5)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`);
    const meetings: string[] = [];
    const proposals: string[] = [];
    const followUps: string[] = [];
    const actors: string[] = (
      await dataSources[0].query(`INSERT INTO actor (kind, name, name_key) SELECT 'PERSON', 'Actor ' || i, 'actor ' || i FROM generate_series(1, 6) i RETURNING id`)
    ).map((row: { id: string }) => row.id);
    // participations drawn apart, so the writes above keep the sequence they had before actors were counted
    const nextParticipation = random(seed + 4);
    const pickParticipation = <T>(list: readonly T[]) => list[Math.floor(nextParticipation() * list.length)];
    const publishedOn = () => (nextParticipation() < 0.1 ? null : `202${Math.floor(nextParticipation() * 5)}-0${1 + Math.floor(nextParticipation() * 9)}-1${Math.floor(nextParticipation() * 9)}`);

    for (let step = 0; step < 400; step++) {
      const db = pick(dataSources);
      const make = factories(db);
      const services = () => {
        const audit = new AuditService(db);
        const followUpService = new FollowUpService(db, audit);
        const proposalService = new ProposalService(db, audit);
        return new MeetingService(db, audit, followUpService, proposalService);
      };
      const roll = next();
      if (roll < 0.25 || meetings.length < 5) {
        const { id } = await make.createMeeting({
          parties: someOf(CODES, 3).length > 1 ? someOf(CODES, 3) : [CODES[0], CODES[1]],
          date: date(), type: pick(EVENT_TYPES), status: pick(EVENT_STATUSES), sectors: someOf(SECTORS, 2),
          reviewStatus: next() < 0.1 ? 'REJECTED' : 'EXTRACTED',
        });
        meetings.push(id);
      } else if (roll < 0.38) {
        const { id } = await make.createProposal({
          parties: someOf(CODES, 3), sectors: someOf(SECTORS, 2),
          history: someOf(PROPOSAL_STATUSES, 3).map((status) => ({ status, date: date() ?? '2024-06-01' })),
          originMeetingId: pick(meetings),
        });
        proposals.push(id);
      } else if (roll < 0.5) {
        const { id } = await make.createFollowUp({
          meetingId: next() < 0.6 ? pick(meetings) : null, proposalId: next() < 0.5 && proposals.length ? pick(proposals) : null,
          owners: someOf(CODES, 2), dueDate: date(), status: pick(['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const),
          horizon: pick(['IMMEDIATE', 'NEAR_TERM', 'LONG_TERM', 'UNSPECIFIED'] as const),
        });
        followUps.push(id);
      } else if (roll < 0.6) {
        // an analyst edit: parties, date, status and sectors through the service
        const id = pick(meetings);
        const [{ version }] = await db.query(`SELECT version FROM meeting WHERE id = $1`, [id]);
        await services().update(ctx, id, version, {
          countries: someOf(CODES, 3).concat(next() < 0.5 ? [] : ['RU']).filter((c, i, all) => all.indexOf(c) === i).slice(0, 3),
          date: date(), status: pick(EVENT_STATUSES), sectors: someOf(SECTORS, 2),
        }).catch((error: Error) => {
          if (!/countries|at least two|parties/i.test(error.message)) throw error;
        });
      } else if (roll < 0.66) {
        const id = pick(meetings);
        const [{ version, review_status }] = await db.query(`SELECT version, review_status FROM meeting WHERE id = $1`, [id]);
        if (review_status === 'REJECTED') await services().confirm(ctx, id, version);
        else await services().reject(ctx, id, version);
      } else if (roll < 0.72 && meetings.length > 3) {
        const [target, duplicate] = [pick(meetings), pick(meetings)];
        if (target !== duplicate) {
          const [{ version }] = await db.query(`SELECT version FROM meeting WHERE id = $1`, [target]);
          await services().merge(ctx, target, version, [duplicate]).catch((error: Error) => {
            if (!/merge|parties|countries|status/i.test(error.message)) throw error;
          });
          const [{ exists }] = await db.query(`SELECT EXISTS (SELECT 1 FROM meeting WHERE id = $1) AS exists`, [duplicate]);
          if (!exists) meetings.splice(meetings.indexOf(duplicate), 1);
        }
      } else if (roll < 0.78 && meetings.length > 5) {
        // deletes, as the removal of demo data does them
        const id = meetings.splice(Math.floor(next() * meetings.length), 1)[0];
        await db.query(`DELETE FROM meeting WHERE id = $1`, [id]);
      } else if (roll < 0.84 && proposals.length) {
        const id = pick(proposals);
        await db.transaction(async (manager) => {
          await manager.query(`INSERT INTO proposal_status_change (proposal_id, status, effective_date) VALUES ($1, $2, $3)`, [id, pick(PROPOSAL_STATUSES), date() ?? '2025-01-01']);
          await manager.query(`UPDATE proposal SET status = $2, status_date = $3 WHERE id = $1`, [id, pick(PROPOSAL_STATUSES), date()]);
          if (next() < 0.3) await manager.query(`DELETE FROM proposal_party WHERE proposal_id = $1 AND country_code = $2`, [id, pick(CODES)]);
        });
      } else if (roll < 0.9 && followUps.length) {
        const id = pick(followUps);
        await db.query(`UPDATE follow_up_action SET status = $2, due_date = $3, meeting_id = $4 WHERE id = $1`, [
          id, pick(['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED']), date(), next() < 0.5 ? pick(meetings) : null,
        ]);
        // its history: when it was closed decides until when the score counts it overdue
        if (next() < 0.6) {
          await db.query(`INSERT INTO follow_up_status_change (follow_up_id, status, effective_date) VALUES ($1, $2, $3)`, [
            id, pick(['DONE', 'CANCELLED', 'IN_PROGRESS', 'OPEN']), date(),
          ]);
        } else if (next() < 0.3) {
          await db.query(`DELETE FROM follow_up_status_change WHERE follow_up_id = $1`, [id]);
        }
      } else if (roll < 0.95 && followUps.length) {
        const id = pick(followUps);
        await db.query(`DELETE FROM follow_up_owner WHERE follow_up_id = $1`, [id]);
        await db.query(`INSERT INTO follow_up_owner (follow_up_id, country_code) SELECT $1, unnest($2::char(2)[])`, [id, someOf(CODES, 3)]);
      } else if (proposals.length) {
        const id = proposals.splice(Math.floor(next() * proposals.length), 1)[0];
        await db.query(`DELETE FROM proposal WHERE id = $1`, [id]);
      }

      // an actor's participations: reported (twice in one meeting at times), moved to another actor (a merge or a
      // split) or to another meeting, or removed; meeting rejections, merges and deletes come from the steps above
      const participation = nextParticipation();
      if (participation < 0.3 && meetings.length) {
        const meeting = pickParticipation(meetings);
        await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) SELECT $1, unnest($2::uuid[]), 'someone'`, [
          meeting, [pickParticipation(actors), pickParticipation(actors)],
        ]);
      } else if (participation < 0.38) {
        await db.query(`UPDATE meeting_participant SET actor_id = $1 WHERE actor_id = $2`, [pickParticipation(actors), pickParticipation(actors)]);
      } else if (participation < 0.44 && meetings.length) {
        await db.query(`UPDATE meeting_participant SET meeting_id = $1 WHERE id = (SELECT id FROM meeting_participant ORDER BY id LIMIT 1 OFFSET $2)`, [
          pickParticipation(meetings), Math.floor(nextParticipation() * 20),
        ]);
      } else if (participation < 0.5) {
        await db.query(`DELETE FROM meeting_participant WHERE id = (SELECT id FROM meeting_participant ORDER BY id LIMIT 1 OFFSET $1)`, [
          Math.floor(nextParticipation() * 20),
        ]);
      } else if (participation < 0.7) {
        // news items: published (undated at times), re-dated or moved to another language, deleted
        await db.query(`INSERT INTO news_item (body, search_key, language, published_at, content_hash, extractor_version)
          VALUES ('Body ' || $1, 'body', $2, $3, md5($1) || md5('n' || $1), 'test')`, [`${seed}-${step}`, pickParticipation(['fa', 'en', 'ru']), publishedOn()]);
      } else if (participation < 0.76) {
        await db.query(`UPDATE news_item SET published_at = $2, language = CASE WHEN $3 THEN 'ru' ELSE language END
          WHERE id = (SELECT id FROM news_item ORDER BY id LIMIT 1 OFFSET $1)`, [Math.floor(nextParticipation() * 10), publishedOn(), nextParticipation() < 0.3]);
      } else if (participation < 0.8) {
        await db.query(`DELETE FROM news_item WHERE id = (SELECT id FROM news_item ORDER BY id LIMIT 1 OFFSET $1)`, [Math.floor(nextParticipation() * 10)]);
      }
    }

    const kept = await rollups(dataSources[0]);
    expect(JSON.parse(kept.meeting).length).toBeGreaterThan(20);
    expect(JSON.parse(kept.followUp).length).toBeGreaterThan(10);
    expect((JSON.parse(kept.dyad) as { meetings: number; signed: number; open: number }[]).filter((d) => d.meetings && d.signed && d.open).length).toBeGreaterThan(0);
    // every term of the score has ranges to keep
    const terms = new Set((JSON.parse(kept.scoreItems) as { term: string }[]).map((item) => item.term));
    expect([...terms].sort()).toEqual(['A', 'M', 'O', 'S']);
    // origin dates of both kinds: a held meeting's day, and the day first recorded open
    const origins = await dataSources[0].query(`SELECT count(*) FILTER (WHERE f.origin_date = m.date)::int AS held,
      count(*) FILTER (WHERE f.origin_date IS DISTINCT FROM m.date AND f.origin_date IS NOT NULL)::int AS recorded
      FROM follow_up_action f JOIN meeting m ON m.id = f.meeting_id`);
    expect(origins[0].held).toBeGreaterThan(0);
    expect(origins[0].recorded).toBeGreaterThan(0);
    // sectors copied from meetings, after analysts' edits of them, merges and follow-ups moved (rebuilt the same way below)
    const [sectorCopies] = await dataSources[0].query(`SELECT count(*) FILTER (WHERE f.meeting_sectors <> '{}')::int AS copied,
      count(*) FILTER (WHERE f.meeting_sectors IS DISTINCT FROM coalesce(m.sectors, '{}'))::int AS stray
      FROM follow_up_action f LEFT JOIN meeting m ON m.id = f.meeting_id`);
    expect(sectorCopies.copied).toBeGreaterThan(0);
    expect(sectorCopies.stray).toBe(0);
    // participations' copies of their meetings, after participations moved, meetings merged, dated, rejected and given other parties
    const copies = await participantCopies(dataSources[0]);
    expect(copies.rejected).toBeGreaterThan(0);
    expect(copies.stray).toBe(0);
    // follow-ups' owner sets (the rebuild leaves them alone), after owners replaced, emptied and deleted
    const [owners] = await dataSources[0].query(`SELECT count(*) FILTER (WHERE cardinality(f.owner_codes) > 1)::int AS shared,
      count(*) FILTER (WHERE f.owner_codes IS DISTINCT FROM coalesce(
        (SELECT array_agg(o.country_code ORDER BY o.country_code) FROM follow_up_owner o WHERE o.follow_up_id = f.id), '{}'))::int AS stray
      FROM follow_up_action f`);
    expect(owners.shared).toBeGreaterThan(0);
    expect(owners.stray).toBe(0);
    // actors in several meetings, and one whose participations were all rejected, merged or deleted away
    const actorCounts = (JSON.parse(kept.actor) as { n: number }[]).map((row) => row.n);
    expect(actorCounts.filter((n) => n > 3).length).toBeGreaterThan(2);
    const [{ participations }] = await dataSources[0].query(`SELECT count(*)::int AS participations FROM meeting_participant`);
    expect(participations).toBeGreaterThan(actorCounts.reduce((sum, n) => sum + n, 0));
    expect(JSON.parse(kept.newsItem).length).toBeGreaterThan(20);
    // the writes went through more than one shard
    for (const table of ['rollup_meeting', 'rollup_dyad', 'rollup_dyad_month', 'rollup_dyad_due', 'rollup_dyad_day', 'rollup_score', 'rollup_actor', 'rollup_news_item']) {
      const [{ shards }] = await dataSources[0].query(`SELECT count(DISTINCT shard)::int AS shards FROM ${table}`);
      expect({ table, shards: shards > 1 }).toEqual({ table, shards: true });
    }

    await dataSources[0].query(`SELECT rollup_rebuild()`);
    const rebuilt = await rollups(dataSources[0]);
    // compared as the rows only one side has, so a failure names them
    for (const name of Object.keys(kept) as (keyof typeof kept)[]) {
      const [mine, theirs] = [JSON.parse(kept[name]) as unknown[], JSON.parse(rebuilt[name]) as unknown[]].map((rows) => rows.map((row) => JSON.stringify(row)));
      expect({ name, onlyKept: mine.filter((row) => !theirs.includes(row)), onlyRebuilt: theirs.filter((row) => !mine.includes(row)) })
        .toEqual({ name, onlyKept: [], onlyRebuilt: [] });
    }
  }, 120_000);

  // The meeting rollups are written at commit from the transaction's changes summed per key and date: here many
  // changes of the same few keys in each transaction (dates in three months), as a batch of ingested items makes them.
  it.each([5, 6, 7])('equal a recomputation after random meeting changes made many to a transaction, in few months (seed %i)', async (seed) => {
    const db = dataSources[0];
    await emptied(db);
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const date = () => (next() < 0.1 ? null : `2025-0${3 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`);
    const parties = () => [...new Set([pick(CODES.slice(0, 3)), pick(CODES.slice(0, 3)), pick(CODES.slice(0, 3))])].sort();
    const meetings: string[] = [];
    const moved = { later: 0, sameKeyBack: 0 };
    for (let transaction = 0; transaction < 40; transaction++) {
      await pick(dataSources).transaction(async (manager) => {
        const make = factories(manager);
        for (let step = 0, steps = 1 + Math.floor(next() * 8); step < steps; step++) {
          const roll = next();
          if (roll < 0.35 || meetings.length < 4) {
            const { id } = await make.createMeeting({
              parties: parties(), date: date(), type: pick(['MEETING', 'VISIT', 'CALL'] as const), status: pick(['HELD', 'HELD', 'SCHEDULED'] as const),
              sectors: [pick(SECTORS.slice(0, 3))], reviewStatus: next() < 0.1 ? 'REJECTED' : 'EXTRACTED',
            });
            meetings.push(id);
          } else if (roll < 0.55) {
            // moved within its month or to another, often to a later day
            // (an UPDATE's or DELETE's result through TypeORM: its rows, then their count)
            const [[{ before, after }]] = await manager.query(`UPDATE meeting m SET date = $2 FROM meeting o WHERE m.id = $1 AND o.id = m.id
              RETURNING o.date::text AS before, m.date::text AS after`, [pick(meetings), date()]);
            if (before && after && before.slice(0, 7) === after.slice(0, 7) && after > before) moved.later++;
          } else if (roll < 0.65) {
            await manager.query(`UPDATE meeting SET status = $2, type = $3 WHERE id = $1`, [pick(meetings), pick(['HELD', 'SCHEDULED'] as const), pick(['MEETING', 'VISIT'] as const)]);
          } else if (roll < 0.72) {
            await manager.query(`UPDATE meeting SET sectors = $2 WHERE id = $1`, [pick(meetings), [pick(SECTORS.slice(0, 3)), pick(SECTORS.slice(0, 3))]]);
          } else if (roll < 0.78) {
            await manager.query(`UPDATE meeting SET review_status = (CASE WHEN review_status = 'REJECTED' THEN 'CONFIRMED' ELSE 'REJECTED' END)::review_status WHERE id = $1`, [pick(meetings)]);
          } else if (roll < 0.86) {
            const id = pick(meetings);
            await manager.query(`DELETE FROM meeting_party WHERE meeting_id = $1`, [id]);
            await manager.query(`INSERT INTO meeting_party (meeting_id, country_code) SELECT $1, unnest($2::char(2)[])`, [id, parties()]);
          } else if (roll < 0.94) {
            // taken out, and at times another written with the same keys (the key's count and date come back)
            const id = meetings.splice(Math.floor(next() * meetings.length), 1)[0];
            const [[gone]] = await manager.query(`DELETE FROM meeting WHERE id = $1 RETURNING date::text AS date, type, status, sectors::text[] AS sectors, review_status,
              party_codes::text[] AS parties`, [id]);
            if (next() < 0.5 && gone.parties.length > 1) {
              const { id: again } = await make.createMeeting({ parties: gone.parties, date: gone.date, type: gone.type, status: gone.status, sectors: gone.sectors, reviewStatus: gone.review_status });
              meetings.push(again);
              moved.sameKeyBack++;
            }
          } else {
            // a savepoint rolled back takes its notes with it
            await manager.query(`SAVEPOINT item`);
            await manager.query(`UPDATE meeting SET date = $2, status = 'HELD' WHERE id = $1`, [pick(meetings), date()]);
            await make.createMeeting({ parties: parties(), date: date() });
            await manager.query(`ROLLBACK TO SAVEPOINT item`);
          }
        }
      });
    }
    // the cases the netting per key and date is for happened
    expect(moved.later).toBeGreaterThan(0);
    expect(moved.sameKeyBack).toBeGreaterThan(0);
    expect(await db.query(`SELECT count(*)::int AS n FROM rollup_chart_pending`)).toEqual([{ n: 0 }]);
    const kept = await rollups(db);
    expect(JSON.parse(kept.meeting).length).toBeGreaterThan(10);
    await db.query(`SELECT rollup_rebuild()`);
    const rebuilt = await rollups(db);
    for (const name of ['meeting', 'meetingSector', 'dyad', 'dyadMonth', 'dyadDay'] as const) {
      expect({ name, rows: JSON.parse(kept[name]) }).toEqual({ name, rows: JSON.parse(rebuilt[name]) });
    }
  }, 60_000);

  it('count once the rows whose stale party sets a rebuild mends (their notes of the change are not applied again at commit)', async () => {
    const db = dataSources[0];
    await emptied(db);
    const make = factories(db);
    await make.createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', sectors: ['ENERGY'] });
    const { id: proposalId } = await make.createProposal({ parties: ['IR', 'KZ'], status: 'SIGNED', statusDate: '2025-04-20' });
    await make.createFollowUp({ proposalId, dueDate: '2025-06-01' });
    const kept = await rollups(db);
    // written around the triggers, as a bulk load does
    await db.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      for (const table of ['meeting', 'proposal', 'follow_up_action']) await manager.query(`UPDATE ${table} SET party_codes = '{}'`);
    });
    await db.query(`SELECT rollup_rebuild()`);
    expect(await rollups(db)).toEqual(kept);
    expect(JSON.parse(kept.dyad)).toEqual([{ a: 'IR', b: 'KZ', meetings: 1, last: '2025-04-13', proposals: 1, signed: 1, open: 1, listed: 1 }]);
  });

  it('keep the proposal and follow-up rollups at commit, without what a savepoint rolled back wrote', async () => {
    const db = dataSources[0];
    await emptied(db);
    const proposalRows = `SELECT a, b, status, kind, sum(proposals)::int AS n FROM rollup_proposal GROUP BY 1, 2, 3, 4 HAVING sum(proposals) <> 0 ORDER BY 1, 2`;
    const dyadRows = `SELECT a, b, sum(proposals)::int AS proposals, sum(signed)::int AS signed, sum(open_follow_ups)::int AS open FROM rollup_dyad
      GROUP BY 1, 2 HAVING sum(proposals) <> 0 OR sum(open_follow_ups) <> 0 ORDER BY 1, 2`;
    await db.transaction(async (manager) => {
      const make = factories(manager);
      const { id } = await make.createProposal({ parties: ['IR', 'KZ'], status: 'SIGNED', statusDate: '2025-04-13' });
      await make.createFollowUp({ proposalId: id, dueDate: '2025-06-01' });
      // an item that fails: rolled back to its savepoint, with its notes
      await manager.query(`SAVEPOINT item`);
      const other = await make.createProposal({ parties: ['IR', 'RU'], kind: 'AGREEMENT', status: 'AGREED', statusDate: '2025-05-01' });
      await make.createFollowUp({ proposalId: other.id, dueDate: '2025-07-01' });
      await manager.query(`UPDATE proposal SET status = 'COMPLETED' WHERE id = $1`, [id]);
      await manager.query(`ROLLBACK TO SAVEPOINT item`);
      // written at commit: reads inside the transaction see the rollups as of its start
      expect(await manager.query(proposalRows)).toEqual([]);
      expect(await manager.query(dyadRows)).toEqual([]);
    });
    expect(await db.query(proposalRows)).toEqual(
      [['', ''], ['IR', ''], ['IR', 'KZ'], ['KZ', '']].map(([a, b]) => ({ a, b, status: 'SIGNED', kind: 'MOU', n: 1 })),
    );
    expect(await db.query(dyadRows)).toEqual([{ a: 'IR', b: 'KZ', proposals: 1, signed: 1, open: 1 }]);
    expect(await db.query(`SELECT a, b, due_month::text, status, sum(follow_ups)::int AS n FROM rollup_follow_up GROUP BY 1, 2, 3, 4 ORDER BY 1, 2`)).toEqual(
      [['', ''], ['IR', ''], ['IR', 'KZ'], ['KZ', '']].map(([a, b]) => ({ a, b, due_month: '2025-06-01', status: 'OPEN', n: 1 })),
    );
    // nothing noted is left behind, and a rebuild finds the same
    expect(await db.query(`SELECT count(*)::int AS n FROM rollup_chart_pending`)).toEqual([{ n: 0 }]);
    await expectRebuildToKeep(db);
  });

  it('write the score cells a rebuild writes from a batch of ranges starting and ending mid-month, and none a removal emptied', async () => {
    const db = dataSources[0];
    await emptied(db);
    // every row as stored, none summed over shards or left out: both batches go through one connection (one shard);
    // which terms have cells (the months ranges cover in part) and each day's values
    const cellsSql = `SELECT month::text, a, b, ARRAY[meetings IS NULL, advanced IS NULL, signed IS NULL, overdue IS NULL] AS whole_only,
        (SELECT array_agg(round(d.w::numeric, 6) ORDER BY d.day) FROM (${scoreDaysSql('s.month = r.month AND s.a = r.a AND s.b = r.b AND s.shard = r.shard')}) d) AS w,
        (SELECT array_agg(ARRAY[d.adv, d.sig, d.ovd] ORDER BY d.day) FROM (${scoreDaysSql('s.month = r.month AND s.a = r.a AND s.b = r.b AND s.shard = r.shard')}) d) AS counts
      FROM rollup_score r ORDER BY 1, 2, 3`;
    const runner = db.createQueryRunner();
    const rebuilt = async () => {
      await runner.startTransaction();
      await runner.query(`SELECT rollup_rebuild()`);
      const rows = await runner.query(cellsSql);
      await runner.rollbackTransaction();
      return rows;
    };
    try {
      await runner.startTransaction();
      const make = factories(runner.manager);
      // two meetings' ranges start and end in the same months, a third's 2 months later; a proposal signed and a
      // follow-up due mid-month
      await make.createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13' });
      await make.createMeeting({ parties: ['IR', 'KZ', 'RU'], date: '2025-04-27' });
      const { id: later } = await make.createMeeting({ parties: ['IR', 'KZ'], date: '2025-06-30' });
      const { id: proposal } = await make.createProposal({ parties: ['IR', 'KZ'], status: 'SIGNED', statusDate: '2025-04-20' });
      await make.createFollowUp({ proposalId: proposal, dueDate: '2025-05-17' });
      await runner.commitTransaction();
      const batch = await runner.query(cellsSql);
      expect(batch.length).toBeGreaterThan(25);
      expect(batch).toEqual(await rebuilt());

      // the later meeting taken back: the months only it covered (2027-05 and 2027-06 for IR-KZ) go
      await runner.query(`DELETE FROM meeting WHERE id = $1`, [later]);
      const left = await runner.query(cellsSql);
      expect(left.length).toBeLessThan(batch.length);
      expect(left).toEqual(await rebuilt());
    } finally {
      await runner.release();
    }
  });

  it('leave no score row at nothing in a shard that a removal took below 0 and an addition brought back', async () => {
    const db = dataSources[0];
    await emptied(db);
    await onTwoShards(db, async (first, second) => {
      const { id } = await factories(first.manager).createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13' });
      // taken back in the second shard (its rows below 0), then the same weight added back there: its rows at 0 go
      await second.query(`DELETE FROM meeting WHERE id = $1`, [id]);
      expect((await second.query(`SELECT count(*)::int AS n FROM rollup_score WHERE shard = rollup_shard()`))[0].n).toBe(25);
      await factories(second.manager).createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13' });
      expect(await second.query(`SELECT month FROM rollup_score WHERE shard = rollup_shard()`)).toEqual([]);
    });
    await expectRebuildToKeep(db);
  });

  it('keep a dyad’s last meeting date when the meeting that held it leaves its month from another shard', async () => {
    const db = dataSources[0];
    await emptied(db);
    const lastDate = async () => (await db.query(`SELECT max(last_date)::text AS last FROM rollup_dyad WHERE a = 'IR' AND b = 'KZ'`))[0].last;
    await onTwoShards(db, async (first, second) => {
      const make = factories(first.manager);
      await make.createMeeting({ parties: ['IR', 'KZ'], date: '2023-07-26' });
      await make.createMeeting({ parties: ['IR', 'KZ'], date: '2023-12-24' });
      const { id } = await make.createMeeting({ parties: ['IR', 'KZ'], date: '2024-10-21' });
      expect(await lastDate()).toBe('2024-10-21');
      // its month's rows stay, at +1 in the first shard and -1 in the second: a month with no meeting in it
      await second.query(`UPDATE meeting SET date = '2022-09-21' WHERE id = $1`, [id]);
      expect(await lastDate()).toBe('2023-12-24');
      await second.query(`DELETE FROM meeting WHERE date = '2023-12-24'`);
      expect(await lastDate()).toBe('2023-07-26');
    });
    await expectRebuildToKeep(db);
  });

  it('move only the sector rows, by the sectors added and taken away, when a meeting\'s sectors alone change', async () => {
    const db = dataSources[0];
    await emptied(db);
    const make = factories(db);
    const held = await make.createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', sectors: ['ENERGY', 'TRADE'] });
    const undated = await make.createMeeting({ parties: ['IR', 'KZ'], date: null, sectors: ['TRADE'] });
    const rejected = await make.createMeeting({ parties: ['IR', 'RU'], date: '2025-05-02', sectors: ['ENERGY'], reviewStatus: 'REJECTED' });
    const sectorRows = () => db.query(`SELECT sector, month::text, sum(meetings)::int AS n FROM rollup_meeting_sector GROUP BY 1, 2 HAVING sum(meetings) <> 0 ORDER BY 1, 2`);
    // (each row's version too: the meeting rows are not written at all, not merely left with the same counts)
    const meetingRows = () => db.query(`SELECT a, b, month::text, status, type, shard, meetings, last_date::text AS last, xmin::text AS version FROM rollup_meeting ORDER BY 1, 2, 3, 4, 5, 6`);
    const before = await meetingRows();
    await db.query(`UPDATE meeting SET sectors = '{TRADE,CULTURE,CULTURE}' WHERE id = $1`, [held.id]);
    await db.query(`UPDATE meeting SET sectors = '{CINEMA}' WHERE id = $1`, [undated.id]);
    await db.query(`UPDATE meeting SET sectors = '{CINEMA}' WHERE id = $1`, [rejected.id]);
    expect(await sectorRows()).toEqual([
      { sector: 'CINEMA', month: '-infinity', n: 1 },
      { sector: 'CULTURE', month: '2025-04-01', n: 1 },
      { sector: 'TRADE', month: '2025-04-01', n: 1 },
    ]);
    expect(await meetingRows()).toEqual(before);
    await expectRebuildToKeep(db);
  });

  it('leave no rollup row a rebuild would not make, and count a meeting of three in each of its dyads', async () => {
    const db = dataSources[0];
    await emptied(db);
    const { id } = await factories(db).createMeeting({ parties: ['IR', 'KZ', 'RU'], date: '2025-04-13', sectors: ['ENERGY'] });
    const rows = await db.query(`SELECT a, b, sum(meetings)::int AS n, max(last_date)::text AS last FROM rollup_meeting GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(rows).toEqual([
      { a: '', b: '', n: 1, last: '2025-04-13' },
      { a: 'IR', b: '', n: 1, last: '2025-04-13' },
      { a: 'IR', b: 'KZ', n: 1, last: '2025-04-13' },
      { a: 'IR', b: 'RU', n: 1, last: '2025-04-13' },
      { a: 'KZ', b: '', n: 1, last: '2025-04-13' },
      { a: 'KZ', b: 'RU', n: 1, last: '2025-04-13' },
      { a: 'RU', b: '', n: 1, last: '2025-04-13' },
    ]);
    expect(await db.query(`SELECT a, b, sum(meetings)::int AS n, max(last_date)::text AS last FROM rollup_dyad GROUP BY 1, 2 ORDER BY 1, 2`)).toEqual(
      ['IR-KZ', 'IR-RU', 'KZ-RU'].map((pair) => ({ a: pair.slice(0, 2), b: pair.slice(3), n: 1, last: '2025-04-13' })),
    );
    // the score: a held meeting counts for each of its dyads for 730 days, with its weight halving each 365
    const pairs = await db.query(`SELECT a, b, s::text, e::text FROM rollup_score_item ORDER BY 1, 2`);
    expect(pairs).toEqual(['IR-KZ', 'IR-RU', 'KZ-RU'].map((pair) => ({ a: pair.slice(0, 2), b: pair.slice(3), s: '2025-04-13', e: '2027-04-12' })));
    const day = async (month: string, i: number) =>
      (await db.query(`SELECT w FROM (${scoreDaysSql(`s.a = 'IR' AND s.b = 'KZ' AND s.month = '${month}'`)}) d WHERE day = ${i}`))[0].w;
    expect([await day('2025-04-01', 13), await day('2025-04-01', 12)]).toEqual([1, 0]);
    expect(await day('2026-04-01', 13)).toBeCloseTo(0.5, 12);
    // a month it covers whole holds one number, no cells; its first month (from the 13th) cells
    expect(await db.query(`SELECT month::text, meetings IS NULL AS whole FROM rollup_score WHERE a = 'IR' AND b = 'KZ' AND month IN ('2025-04-01', '2025-05-01')
      ORDER BY 1`)).toEqual([{ month: '2025-04-01', whole: false }, { month: '2025-05-01', whole: true }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM rollup_score WHERE a = 'IR' AND b = 'KZ' AND month > '2027-04-01'`)).toEqual([{ n: 0 }]);
    await db.query(`DELETE FROM meeting WHERE id = $1`, [id]);
    expect(await db.query(`SELECT * FROM rollup_score`)).toEqual([]);
    expect(await db.query(`SELECT * FROM rollup_score_item`)).toEqual([]);
    expect(await db.query(`SELECT * FROM rollup_meeting`)).toEqual([]);
    expect(await db.query(`SELECT * FROM rollup_meeting_sector`)).toEqual([]);
    for (const table of ['rollup_dyad', 'rollup_dyad_month']) {
      expect(await db.query(`SELECT a, b, meetings, last_date, proposals, signed, open_follow_ups FROM ${table} WHERE meetings <> 0 OR last_date IS NOT NULL`)).toEqual([]);
    }
    expect(await db.query(`SELECT * FROM rollup_dyad_day WHERE meetings <> 0`)).toEqual([]);
  });
});
