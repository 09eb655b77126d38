import type { EntityManager } from 'typeorm';
import { isUuid } from '../shared/entity-helpers.js';
import { partySetKey, sortedSet } from '../shared/party-locks.js';
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
}

export interface FollowUpChangeFields {
  status: FollowUpStatus;
  effectiveDate: string | null;
  newsItemId?: string | null;
  meetingId?: string | null;
  apiKeyId?: string | null;
  note?: string | null;
}

/** An open follow-up that the facts may now show done. */
export interface OpenFollowUp {
  id: string;
  description: string;
  proposalId: string | null;
  meetingId: string;
  /** The day it counts from: its meeting's day when held, else the day the report stating it was published. */
  originDate: string;
  owners: string[];
  /** The parties of its meeting. */
  parties: string[];
  quotes: string[];
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

  /** The follow-ups of a meeting that have owners, with their owners (sorted) and quotes. */
  async ofMeeting(meetingId: string): Promise<{ id: string; description: string; owners: string[]; quotes: string[] }[]> {
    return preparedQuery(this.manager,
      `SELECT f.id, f.description, f.owner_codes::text[] AS owners, ARRAY(SELECT e.quote FROM evidence e WHERE e.follow_up_id = f.id) AS quotes
       FROM follow_up_action f WHERE f.meeting_id = $1 AND cardinality(f.owner_codes) > 0`,
      [meetingId],
    );
  }

  /**
   * Open follow-ups of a meeting that have a day to count from: those among `ids`, those about `proposalIds`,
   * and those owned by exactly one of `ownerSets` whose day is before `to` and not before the day of the
   * latest meeting of exactly `since.parties` held in person before `to` (at `since.location` when given).
   * Each part is an index lookup (primary key, proposal, open follow-ups by owner set and origin date in the
   * window, meetings by party set). The origin date is stored on the row (kept by triggers, migration
   * FollowUpOriginDate): the day its meeting was held, else the first day it was recorded open.
   */
  async openCandidates(query: {
    ids: readonly string[];
    proposalIds: readonly string[];
    ownerSets: readonly (readonly string[])[];
    to: string | null;
    since?: { parties: readonly string[]; location: string | null };
  }): Promise<OpenFollowUp[]> {
    const rows: {
      id: string; description: string; proposal_id: string | null; meeting_id: string; origin_date: string; owners: string[]; parties: string[]; quotes: string[];
    }[] = await preparedQuery(this.manager, 
      `SELECT f.id, f.description, f.proposal_id, f.meeting_id, f.origin_date::text AS origin_date,
              f.owner_codes::text[] AS owners, m.party_codes::text[] AS parties,
              ARRAY(SELECT e.quote FROM evidence e WHERE e.follow_up_id = f.id) AS quotes
       -- the candidates' ids first (each part an index lookup), then their rows by primary key
       FROM (SELECT unnest($1::uuid[]) AS id
             UNION SELECT g.id FROM follow_up_action g WHERE g.proposal_id = ANY($2::uuid[])
             -- the sets travel as keys ("IR,KZ"): an array of arrays of different lengths cannot; the stored
             -- origin date bounds the range read of the index of open follow-ups by owner set and origin date
             UNION SELECT g.id FROM unnest($3::text[]) AS k
               JOIN follow_up_action g ON g.owner_codes = string_to_array(k, ',')::char(2)[] AND g.status IN ('OPEN', 'IN_PROGRESS')
                 AND ($5::date IS NULL OR g.origin_date < $5::date)
                 AND g.origin_date >= coalesce(
                   (SELECT p.date FROM meeting p
                    WHERE p.party_codes = $4::char(2)[] AND p.date < $5::date AND p.status = 'HELD' AND p.review_status <> 'REJECTED'
                      AND p.type IN ('MEETING', 'VISIT', 'SIGNING') AND ($6::char(2) IS NULL OR p.location_country_code = $6)
                    ORDER BY p.date DESC LIMIT 1),
                   '-infinity'::date)
            ) ids
       JOIN follow_up_action f ON f.id = ids.id JOIN meeting m ON m.id = f.meeting_id
       WHERE f.status IN ('OPEN', 'IN_PROGRESS') AND f.origin_date IS NOT NULL`,
      [query.ids, query.proposalIds, query.ownerSets.map(partySetKey), query.since ? sortedSet(query.since.parties) : null, query.to, query.since?.location ?? null],
    );
    return rows.map((row) => ({
      id: row.id, description: row.description, proposalId: row.proposal_id, meetingId: row.meeting_id, originDate: row.origin_date,
      owners: row.owners, parties: row.parties, quotes: row.quotes,
    }));
  }

  /**
   * Closes an open follow-up as done with the fact that shows it; false (and nothing written) when it was
   * closed meanwhile, so two reports of the same fact close it once.
   */
  async closeAsDone(id: string, change: Omit<FollowUpChangeFields, 'status'>): Promise<boolean> {
    const rows = await preparedQuery(this.manager, 
      `WITH done AS (
         UPDATE follow_up_action SET status = 'DONE', version = version + 1, updated_at = now()
         WHERE id = $1 AND status IN ('OPEN', 'IN_PROGRESS') RETURNING id
       )
       INSERT INTO follow_up_status_change (follow_up_id, status, effective_date, news_item_id, meeting_id, note)
       SELECT id, 'DONE', $2::date, $3::uuid, $4::uuid, $5::text FROM done RETURNING follow_up_id`,
      [id, change.effectiveDate, change.newsItemId ?? null, change.meetingId ?? null, change.note ?? null],
    );
    return rows.length > 0;
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
