import type { EntityManager } from 'typeorm';
import { evidenceInsert } from '../evidence/evidence.repository.js';
import { isUuid } from '../shared/entity-helpers.js';
import { partySetKey, sortedSet, subsetKeys } from '../shared/party-locks.js';
import { preparedQuery } from '../shared/prepared-query.js';
import type { FollowUpHorizon, FollowUpStatus } from '../shared/vocabulary.js';

export interface NewFollowUpRow {
  description: string;
  horizon: FollowUpHorizon;
  dueDate: string | null;
  dueDateEstimated: boolean;
  meetingId: string | null;
  proposalId: string | null;
  owners: string[];
  /** The parties of the report that stated it, when it has no meeting (a statement's follow-up); none otherwise. */
  statedParties?: string[];
}

export interface FollowUpChangeFields {
  status: FollowUpStatus;
  effectiveDate: string | null;
  newsItemId?: string | null;
  meetingId?: string | null;
  apiKeyId?: string | null;
  note?: string | null;
}

// Meeting `m` held in person (and not rejected): the only kind that shows a visit or a next meeting done.
const heldInPerson = (m: string) =>
  `${m}.status = 'HELD' AND ${m}.review_status <> 'REJECTED' AND ${m}.type IN ('MEETING', 'VISIT', 'SIGNING')`;

// The day the parties of the held meeting `h` last met in person before it (with `where`, at a place), else
// -infinity: an index read.
const lastHeld = (where: string) =>
  `coalesce((SELECT p.date FROM meeting p
             WHERE p.party_codes = h.party_codes AND p.date < h.date AND ${heldInPerson('p')} ${where}
             ORDER BY p.date DESC LIMIT 1), '-infinity'::date)`;

// A meeting held in person of parties including all of the test's (`q.party_set`).
const heldByAll = (m: string) => `${heldInPerson(m)} AND ${m}.party_codes @> q.party_set`;
// the first such meeting by date (with `place`, at that place)
const heldAfter = (place: string) =>
  `SELECT m.id, m.date FROM meeting m WHERE m.date > q.from_date AND ${heldByAll('m')} ${place} ORDER BY m.date, m.id LIMIT 1`;
// the first such meeting of the first two parties' pair (the pair index holds dates newest first: read backwards)
const heldByPair = `WITH first AS (
             SELECT p.date FROM meeting_pair p JOIN meeting m ON m.id = p.meeting_id
             WHERE p.a = q.party_set[1] AND p.b = q.party_set[2] AND p.date > q.from_date AND ${heldByAll('m')}
             ORDER BY p.date NULLS FIRST LIMIT 1)
           SELECT m.id, m.date FROM first
           JOIN meeting_pair p ON p.a = q.party_set[1] AND p.b = q.party_set[2] AND p.date = first.date JOIN meeting m ON m.id = p.meeting_id
           WHERE ${heldByAll('m')} ORDER BY m.id LIMIT 1`;
// the fact of a meeting test: the earliest meeting `from` gives, with its first report of being held
const heldFact = (from: string, which: string) => `SELECT q.n, q.id, q.note, m.date,
           (SELECT r.news_item_id FROM meeting_reading r WHERE r.meeting_id = m.id AND r.status = 'HELD' AND r.news_item_id IS NOT NULL
            ORDER BY r.date NULLS LAST, r.reported_on NULLS LAST, r.news_item_id LIMIT 1), m.id
         FROM q CROSS JOIN LATERAL (SELECT m.id, m.date FROM ${from} ORDER BY m.date, m.id LIMIT 1) m
         WHERE q.proposal_id IS NULL AND ${which}`;

/**
 * What would show an open follow-up done (see FollowUpRepository.closeWhereDone), from the day it counts from:
 * its agreement signed on or after that day, or a meeting of `parties` (at one of `places`) held in person after
 * it; and the note its closing gets.
 */
export type DoneTest = { id: string; from: string; note: string } & (
  | { proposalId: string }
  | { parties: readonly string[]; places: readonly string[] | null }
);

/** An open follow-up that the facts may now show done. */
export interface OpenFollowUp {
  id: string;
  description: string;
  proposalId: string | null;
  /** Null for a follow-up of a statement (no meeting). */
  meetingId: string | null;
  /** The day it counts from: its meeting's day when held, else the day the report stating it was published. */
  originDate: string;
  owners: string[];
  /** Its party set: its meeting's (kept so by triggers), else its agreement's, else its owners (follow_up_party_set). */
  parties: string[];
  quotes: string[];
}

/** A follow-up closeWhereDone closed, with the news item and the meeting of the fact that showed it done. */
export interface ClosedFollowUp {
  id: string;
  newsItemId: string | null;
  meetingId: string | null;
}

/** All SQL that writes follow-ups, their owners and status changes. */
export class FollowUpRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Creates a follow-up with its owners and first status change in one statement; its owner set is written with the row (see MeetingRepository.create). */
  async create(fields: NewFollowUpRow, change: FollowUpChangeFields): Promise<string> {
    const [row] = await preparedQuery(this.manager, 
      `WITH f AS (
         INSERT INTO follow_up_action (description, horizon, due_date, due_date_estimated, status, meeting_id, proposal_id, version, owner_codes)
         VALUES ($1, $2, $3, $4, 'OPEN', $5, $6, 1, $7::char(2)[]) RETURNING id
       ), owners AS (
         INSERT INTO follow_up_owner (follow_up_id, country_code) SELECT f.id, c FROM f, unnest($7::char(2)[]) AS c
       ), change AS (
         INSERT INTO follow_up_status_change (follow_up_id, status, effective_date, news_item_id, meeting_id, api_key_id, note)
         SELECT f.id, $8::follow_up_status, $9::date, $10::uuid, $11::uuid, $12::uuid, $13::text FROM f
       )
       SELECT id FROM f`,
      [
        fields.description, fields.horizon, fields.dueDate, fields.dueDateEstimated, fields.meetingId, fields.proposalId,
        sortedSet(fields.owners), change.status, change.effectiveDate, change.newsItemId ?? null, change.meetingId ?? null,
        change.apiKeyId ?? null, change.note ?? null,
      ],
    );
    return row.id;
  }

  /**
   * Creates follow-ups (ids chosen by the caller) with their owners and first status changes in one statement:
   * the statement triggers on follow-ups, owners and status changes then run once for all of them. `evidence`
   * (EvidenceRepository.take), when given, is written by the same statement: one round trip for both (its rows
   * may refer to these follow-ups: the references are checked at the statement's end).
   */
  async createMany(rows: readonly { id: string; fields: NewFollowUpRow; change: FollowUpChangeFields }[], evidence: unknown[] | null = null): Promise<void> {
    if (!rows.length) return;
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    const values: unknown[] = [
      column((r) => r.id), column((r) => r.fields.description), column((r) => r.fields.horizon), column((r) => r.fields.dueDate),
      column((r) => r.fields.dueDateEstimated), column((r) => r.fields.meetingId), column((r) => r.fields.proposalId),
      column((r) => partySetKey(r.fields.owners)), column((r) => r.change.status), column((r) => r.change.effectiveDate),
      column((r) => r.change.newsItemId ?? null), column((r) => r.change.meetingId ?? null), column((r) => r.change.apiKeyId ?? null),
      column((r) => r.change.note ?? null), column((r) => partySetKey(r.fields.statedParties ?? [])),
    ];
    // (the evidence's parameters follow these)
    const withEvidence = evidence ? `, evidence AS (\n         ${evidenceInsert(values.length + 1)}\n       )` : '';
    await preparedQuery(this.manager,
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::follow_up_horizon[], $4::date[], $5::boolean[], $6::uuid[], $7::uuid[], $8::text[],
                              $9::follow_up_status[], $10::date[], $11::uuid[], $12::uuid[], $13::uuid[], $14::text[], $15::text[])
           WITH ORDINALITY AS t(id, description, horizon, due_date, due_date_estimated, meeting_id, proposal_id, owners,
                                status, effective_date, news_item_id, change_meeting_id, api_key_id, note, stated, n)
       ), f AS (
         INSERT INTO follow_up_action (id, description, horizon, due_date, due_date_estimated, status, meeting_id, proposal_id, version, owner_codes, stated_party_codes)
         SELECT id, description, horizon, due_date, due_date_estimated, 'OPEN', meeting_id, proposal_id, 1, string_to_array(owners, ',')::char(2)[],
                string_to_array(stated, ',')::char(2)[]
         FROM input ORDER BY n
       ), owners AS (
         INSERT INTO follow_up_owner (follow_up_id, country_code)
         SELECT input.id, c FROM input CROSS JOIN LATERAL unnest(string_to_array(input.owners, ',')::char(2)[]) AS c
       )${withEvidence}
       INSERT INTO follow_up_status_change (follow_up_id, status, effective_date, news_item_id, meeting_id, api_key_id, note)
       SELECT id, status, effective_date, news_item_id, change_meeting_id, api_key_id, note FROM input ORDER BY n`,
      [...values, ...(evidence ?? [])],
    );
  }

  /** The follow-ups of a meeting that have owners, with their owners (sorted) and quotes. */
  async ofMeeting(meetingId: string): Promise<{ id: string; description: string; owners: string[]; quotes: string[] }[]> {
    return preparedQuery(this.manager,
      `SELECT f.id, f.description, f.owner_codes::text[] AS owners, ARRAY(SELECT e.quote FROM evidence e WHERE e.follow_up_id = f.id) AS quotes
       FROM follow_up_action f WHERE f.meeting_id = $1 AND cardinality(f.owner_codes) > 0`,
      [meetingId],
    );
  }

  /**
   * Open follow-ups that have a day to count from and that the facts may now show done: those among `ids`, those
   * about `proposalIds`, and, for each of `meetings` held in person (dated, not rejected), those it could show
   * done: owned by exactly one subset of its parties (the first eight) and counting from before its day, either a next
   * meeting of parties that all took part (counting from the day those parties last met in person before it: one
   * older was shown done then) or a visit to its place by owners who do not own that place (from the day of their
   * last meeting there). One statement; each part is an index lookup (primary key, proposal, meetings by id and
   * by party set, open follow-ups by owner set and origin date in the window). The origin date is stored on the
   * row (kept by triggers, migration FollowUpOriginDate): the day its meeting was held, else the first day it was
   * recorded open.
   */
  async openCandidates(query: {
    ids: readonly string[];
    proposalIds: readonly string[];
    meetings: readonly { id: string; parties: readonly string[] }[];
  }): Promise<OpenFollowUp[]> {
    if (!query.ids.length && !query.proposalIds.length && !query.meetings.length) return [];
    const rows: {
      id: string; description: string; proposal_id: string | null; meeting_id: string | null; origin_date: string; owners: string[]; parties: string[]; quotes: string[];
    }[] = await preparedQuery(this.manager,
      `SELECT f.id, f.description, f.proposal_id, f.meeting_id, f.origin_date::text AS origin_date,
              f.owner_codes::text[] AS owners, f.party_codes::text[] AS parties,
              ARRAY(SELECT e.quote FROM evidence e WHERE e.follow_up_id = f.id) AS quotes
       FROM follow_up_action f
       -- the candidates' ids first (each part an index lookup), then their rows by primary key (an array: a join to
       -- the list was planned as a hash join over every follow-up while the table was small, and kept as it grew)
       WHERE f.id = ANY(ARRAY(SELECT unnest($1::uuid[])
             UNION SELECT g.id FROM follow_up_action g WHERE g.proposal_id = ANY($2::uuid[])
             -- each meeting held in person, then its candidates, looked up with its values (OFFSET 0: each part read
             -- by index for each meeting, never turned into one join of all meetings and follow-ups)
             UNION SELECT c.id FROM unnest($3::uuid[], $4::text[]) AS t(meeting_id, owner_sets)
               CROSS JOIN LATERAL (
                 SELECT h.party_codes, h.date, h.location_country_code, ${lastHeld('')} AS meet,
                        ${lastHeld('AND (h.location_country_code IS NULL OR p.location_country_code = h.location_country_code)')} AS visit
                 FROM meeting h
                 WHERE h.id = t.meeting_id AND h.date IS NOT NULL AND ${heldInPerson('h')}
                 OFFSET 0) h
               -- the sets travel as keys ("IR,KZ", joined by ";"): an array of arrays of different lengths cannot; the
               -- stored origin date bounds the range read of the index of open follow-ups by owner set and origin date
               CROSS JOIN LATERAL (
                 SELECT g.id FROM unnest(string_to_array(t.owner_sets, ';')) AS k(owners)
                 JOIN follow_up_action g ON g.owner_codes = string_to_array(k.owners, ',')::char(2)[] AND g.status IN ('OPEN', 'IN_PROGRESS')
                   AND g.origin_date < h.date AND g.origin_date >= h.visit
                   -- only those this meeting can show done: a next meeting of parties that all took part in it (since
                   -- their last meeting), or a visit to its place by owners who do not own that place (since the last
                   -- meeting there)
                   AND ((g.party_codes <@ h.party_codes AND g.origin_date >= h.meet)
                        OR (h.location_country_code IS NOT NULL AND h.location_country_code = ANY(g.party_codes)
                            AND NOT h.location_country_code = ANY(g.owner_codes)))
                 OFFSET 0) c
             ))
         AND f.status IN ('OPEN', 'IN_PROGRESS') AND f.origin_date IS NOT NULL`,
      [query.ids, query.proposalIds, query.meetings.map((m) => m.id), query.meetings.map((m) => subsetKeys(m.parties).join(';'))],
    );
    return rows.map((row) => ({
      id: row.id, description: row.description, proposalId: row.proposal_id, meetingId: row.meeting_id, originDate: row.origin_date,
      owners: row.owners, parties: row.parties, quotes: row.quotes,
    }));
  }

  /**
   * Closes each of these open follow-ups that its fact shows done, with the earliest such fact, in one statement
   * (the facts are all read before any is closed: closing one changes no other's); returns how many it closed. One
   * closed meanwhile is left alone, so two reports of the same fact close it once. The facts:
   * - `proposalId`: the first accepted reading of that agreement signed (or past it) on or after `from`, undated
   *   ones last (a signing reported with no date still shows it signed; the day stays unknown);
   * - `parties`: the first meeting held in person after `from` whose parties include all of them (and, with
   *   `places`, held in one of those), with its first report of being held.
   * Returns the follow-ups it closed, each with its fact's news item and meeting.
   */
  async closeWhereDone(tests: readonly DoneTest[]): Promise<ClosedFollowUp[]> {
    if (!tests.length) return [];
    const rows: { id: string; news_item_id: string | null; meeting_id: string | null }[] = await preparedQuery(this.manager,
      `WITH q AS (
         SELECT q.*, string_to_array(q.parties, ',')::char(2)[] AS party_set
         FROM unnest($1::uuid[], $2::date[], $3::text[], $4::uuid[], $5::text[], $6::text[]) WITH ORDINALITY
           AS q(id, from_date, note, proposal_id, parties, places, n)
       ), fact AS (
         SELECT q.n, q.id, q.note, s.effective_date AS date, s.news_item_id, s.meeting_id FROM q
         CROSS JOIN LATERAL (
           SELECT c.effective_date, c.news_item_id, c.meeting_id FROM proposal_status_change c
           WHERE c.proposal_id = q.proposal_id AND c.accepted AND c.status IN ('SIGNED', 'IMPLEMENTING', 'COMPLETED')
             AND (c.effective_date >= q.from_date OR c.effective_date IS NULL)
           ORDER BY c.effective_date NULLS LAST, c.recorded_at LIMIT 1) s
         WHERE q.proposal_id IS NOT NULL
         -- With places, the first at each place, read from the index of in-person meetings by place and date (a visit
         -- that has not taken place reads only the meetings there after that day, not every later meeting), then the
         -- earliest of those. Without, the meetings of one pair of the parties (meeting_pair, by date): the first day
         -- one of them was held after that day, then the first of that day's by id. (Read by date from every meeting,
         -- a pair that seldom meets had tens of thousands of later meetings read at 1,000,000 meetings: 25–150 ms.)
         UNION ALL ${heldFact(`unnest(string_to_array(q.places, ',')::char(2)[]) AS place(code)
           CROSS JOIN LATERAL (${heldAfter('AND m.location_country_code = place.code')}) m`, 'q.places IS NOT NULL')}
         UNION ALL ${heldFact(`(${heldByPair}) m`, 'q.places IS NULL AND cardinality(q.party_set) >= 2')}
         UNION ALL ${heldFact(`(${heldAfter('')}) m`, 'q.places IS NULL AND cardinality(q.party_set) < 2')}
       ), done AS (
         UPDATE follow_up_action f SET status = 'DONE', version = version + 1, updated_at = now()
         FROM fact WHERE f.id = fact.id AND f.status IN ('OPEN', 'IN_PROGRESS') RETURNING f.id
       )
       INSERT INTO follow_up_status_change (follow_up_id, status, effective_date, news_item_id, meeting_id, note)
       SELECT fact.id, 'DONE', fact.date, fact.news_item_id, fact.meeting_id, fact.note FROM fact JOIN done ON done.id = fact.id
       ORDER BY fact.n RETURNING follow_up_id AS id, news_item_id, meeting_id`,
      [
        tests.map((t) => t.id), tests.map((t) => t.from), tests.map((t) => t.note),
        tests.map((t) => ('proposalId' in t ? t.proposalId : null)),
        tests.map((t) => ('parties' in t ? partySetKey(t.parties) : null)),
        tests.map((t) => ('parties' in t && t.places ? partySetKey(t.places) : null)),
      ],
    );
    return rows.map((row) => ({ id: row.id, newsItemId: row.news_item_id, meetingId: row.meeting_id }));
  }

  /** Adds a status change (an analyst's). */
  async addChange(followUpId: string, change: FollowUpChangeFields): Promise<void> {
    await preparedQuery(this.manager, 
      `INSERT INTO follow_up_status_change (follow_up_id, status, effective_date, news_item_id, meeting_id, api_key_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [followUpId, change.status, change.effectiveDate, change.newsItemId ?? null, change.meetingId ?? null, change.apiKeyId ?? null, change.note ?? null],
    );
  }

  /** Replaces a follow-up's owners (an analyst's edit). */
  async setOwners(followUpId: string, owners: readonly string[]): Promise<void> {
    await preparedQuery(this.manager, `DELETE FROM follow_up_owner WHERE follow_up_id = $1`, [followUpId]);
    await preparedQuery(this.manager, `INSERT INTO follow_up_owner (follow_up_id, country_code) SELECT $1, unnest($2::char(2)[])`, [followUpId, owners]);
  }

  /** The owner sets of the follow-ups `ids` (sorted): what their edits lock. */
  async ownerSets(ids: readonly string[]): Promise<string[][]> {
    const rows: { owners: string[] }[] = await preparedQuery(this.manager, `SELECT owner_codes::text[] AS owners FROM follow_up_action WHERE id = ANY($1::uuid[])`, [ids.filter(isUuid)]);
    return rows.map((row) => row.owners);
  }
}
