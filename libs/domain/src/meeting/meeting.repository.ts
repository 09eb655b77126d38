import type { EntityManager } from 'typeorm';
import { resolveActor } from '../actor/actor-resolver.js';
import { isUuid } from '../shared/entity-helpers.js';
import { sortedSet } from '../shared/party-locks.js';
import { preparedQuery } from '../shared/prepared-query.js';
import type { DayRange } from '../lifecycle/dates.js';
import { estimatedDueDate } from '../lifecycle/follow-up-lifecycle.js';
import { resolveMeetingStatus, type ResolvedMeeting } from '../lifecycle/meeting-status.js';
import { FOLLOW_UP_HORIZONS, type DateSource, type EventStatus, type EventType, type ReviewStatus, type Sector } from '../shared/vocabulary.js';

/** A meeting linking may merge a report into, with what matching needs to know of it. */
export interface StoredMeeting {
  id: string;
  type: EventType;
  status: EventStatus;
  date: string | null;
  dateSource: DateSource | null;
  /** For a meeting not held and with no date: the day it was first reported. */
  announcedOn: string | null;
  locationName: string | null;
  locationCountryCode: string | null;
  sectors: Sector[];
  /** The normalised names of its participants. */
  participantKeys: string[];
}

export interface NewMeeting {
  type: EventType;
  status: EventStatus;
  date: string | null;
  dateSource: DateSource | null;
  locationName: string | null;
  locationCountryCode: string | null;
  sectors: Sector[];
  confidence: number | null;
  reviewStatus: ReviewStatus;
  summary?: string | null;
  parties: string[];
}

/** One report's reading of a meeting (see resolveMeetingStatus). */
export interface MeetingReadingFields {
  status: EventStatus;
  date: string | null;
  dateSource: DateSource | null;
  reportedOn: string | null;
  newsItemId: string | null;
  apiKeyId?: string | null;
}

export interface NewParticipant {
  name: string;
  countryCode: string | null;
  title: string | null;
  organization: string | null;
}

/** The values of insertMeeting's statement, $1 to $18 (CREATE_VALUES). */
const CREATE_VALUES = 18;
const createValues = (fields: NewMeeting, reading: MeetingReadingFields | null) => [
  fields.type, fields.status, fields.date, fields.dateSource, fields.locationName, fields.locationCountryCode, fields.sectors,
  fields.confidence, fields.reviewStatus, fields.summary ?? null, sortedSet(fields.parties),
  reading?.status ?? null, reading?.date ?? null, reading?.dateSource ?? null, reading?.newsItemId ?? null,
  reading?.reportedOn ?? null, reading?.apiKeyId ?? null, reading !== null,
];

/** A meeting written when `when` holds, with its parties, source and reading: the CTEs m (its id), parties, source, reading. */
const insertMeeting = (when: string) => `m AS (
    INSERT INTO meeting (type, status, date, date_source, location_name, location_country_code, sectors, confidence, review_status, summary, version, party_codes)
    SELECT $1::event_type, $2::event_status, $3::date, $4::date_source, $5::text, $6::char(2), $7::sector[], $8::real, $9::review_status, $10::text, 1, $11::char(2)[]
    WHERE ${when} RETURNING id
  ), parties AS (
    INSERT INTO meeting_party (meeting_id, country_code) SELECT m.id, c FROM m, unnest($11::char(2)[]) AS c
  ), source AS (
    INSERT INTO meeting_source (meeting_id, news_item_id) SELECT m.id, $15::uuid FROM m WHERE $15::uuid IS NOT NULL
  ), reading AS (
    INSERT INTO meeting_reading (meeting_id, status, date, date_source, reported_on, news_item_id, api_key_id)
    SELECT m.id, $12::event_status, $13::date, $14::date_source, $16::date, $15::uuid, $17::uuid FROM m WHERE $18::boolean
  )`;

/** All SQL that writes meetings, their parties, sources, readings and participants. */
export class MeetingRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The meetings of exactly these parties a report may describe: not rejected, dated within `dated`, or undated and not
   * held with a reading said within `announced` (two index ranges of (party_codes, date): the dated ones, the undated
   * ones). Those that pass `fits` (what matching can rule out from the type, status and dates alone) are returned with
   * their participants' keys: at 1,000,000 meetings a pair's window holds dozens of meetings, and reading every one's
   * participants was most of the lookup's cost. When there is no meeting at all in the windows, `create` is done by
   * the same statement instead: a report of a meeting nobody reported before (most reports, into a new database)
   * costs one round trip, not two. When there are, nothing is created, for the caller to match them (and to `create`
   * when none matches).
   */
  async findAroundOrCreate(
    parties: readonly string[],
    dated: DayRange,
    announced: DayRange,
    fits: (candidate: Omit<StoredMeeting, 'participantKeys'>) => boolean,
    fields: NewMeeting,
    reading: MeetingReadingFields,
  ): Promise<{ created: string } | { candidates: StoredMeeting[] }> {
    // the windows' values, after insertMeeting's
    const [from, to, codes, announcedFrom, announcedTo] = [1, 2, 3, 4, 5].map((i) => `$${CREATE_VALUES + i}`);
    const rows: {
      created: boolean; id: string; type: EventType; status: EventStatus; date: string | null; date_source: DateSource | null; announced_on: string | null;
      location_name: string | null; location_country_code: string | null; sectors: Sector[];
    }[] = await preparedQuery(this.manager,
      `WITH around AS (
         SELECT m.id, m.type, m.status, m.date::text AS date, m.date_source, m.location_name, m.location_country_code,
                m.sectors::text[] AS sectors, NULL::text AS announced_on
         FROM meeting m
         WHERE m.party_codes = ${codes}::char(2)[] AND m.review_status <> 'REJECTED' AND m.date BETWEEN ${from}::date AND ${to}::date
         UNION ALL
         SELECT m.id, m.type, m.status, NULL, m.date_source, m.location_name, m.location_country_code,
                m.sectors::text[], (SELECT min(r.reported_on)::text FROM meeting_reading r WHERE r.meeting_id = m.id)
         FROM meeting m
         WHERE m.party_codes = ${codes}::char(2)[] AND m.date IS NULL AND m.review_status <> 'REJECTED' AND m.status <> 'HELD'
           AND EXISTS (SELECT 1 FROM meeting_reading r WHERE r.meeting_id = m.id AND r.reported_on BETWEEN ${announcedFrom}::date AND ${announcedTo}::date)
       ),
       ${insertMeeting('NOT EXISTS (SELECT 1 FROM around)')}
       SELECT true AS created, id, NULL AS type, NULL AS status, NULL AS date, NULL AS date_source, NULL AS location_name,
              NULL AS location_country_code, NULL AS sectors, NULL AS announced_on FROM m
       UNION ALL SELECT false, * FROM around`,
      [...createValues(fields, reading), dated.from, dated.to, sortedSet(parties), announced.from, announced.to],
    );
    if (rows[0]?.created) return { created: rows[0].id };
    // only the candidates that pass `fits` are read with their participants' keys
    const candidates = rows
      .map((row) => ({
        id: row.id,
        type: row.type,
        status: row.status,
        date: row.date,
        dateSource: row.date_source,
        announcedOn: row.announced_on,
        locationName: row.location_name,
        locationCountryCode: row.location_country_code?.trim() ?? null,
        sectors: row.sectors,
      }))
      .filter(fits);
    if (!candidates.length) return { candidates: [] };
    const keys: { id: string; participant_keys: string[] }[] = await preparedQuery(this.manager,
      `SELECT m.id, ARRAY(SELECT a.match_key FROM meeting_participant mp JOIN actor a ON a.id = mp.actor_id
                         WHERE mp.meeting_id = m.id AND a.match_key IS NOT NULL) AS participant_keys
       FROM unnest($1::uuid[]) AS m(id)`,
      [candidates.map((c) => c.id)],
    );
    const keysOf = new Map(keys.map((row) => [row.id, row.participant_keys]));
    return { candidates: candidates.map((c) => ({ ...c, participantKeys: keysOf.get(c.id) ?? [] })) };
  }

  /**
   * Creates a meeting with its parties (and, for a report, its source and reading) in one statement. Its stored
   * party set is written with the row (the trigger on its parties then finds it current), so the row is not
   * written twice and its rollups are counted once.
   */
  async create(fields: NewMeeting, reading: MeetingReadingFields | null): Promise<string> {
    const [row] = await preparedQuery(this.manager, `WITH ${insertMeeting('true')} SELECT id FROM m`, createValues(fields, reading));
    return row.id;
  }

  /**
   * Adds a report to a known meeting in one statement: the news item as a source, its reading, its sectors and
   * the place where the meeting had none; the version moves.
   */
  async addReport(
    meetingId: string,
    report: { sectors: Sector[]; locationName: string | null; locationCountryCode: string | null },
    reading: MeetingReadingFields,
  ): Promise<void> {
    await preparedQuery(this.manager, 
      `WITH source AS (
         INSERT INTO meeting_source (meeting_id, news_item_id) SELECT $1::uuid, $5::uuid WHERE $5::uuid IS NOT NULL ON CONFLICT DO NOTHING
       ), reading AS (
         INSERT INTO meeting_reading (meeting_id, status, date, date_source, reported_on, news_item_id) VALUES ($1::uuid, $6, $7, $8, $9, $5::uuid)
       )
       UPDATE meeting SET
         sectors = sectors || ARRAY(SELECT s FROM unnest($2::sector[]) WITH ORDINALITY AS t(s, n) WHERE s <> ALL(sectors) ORDER BY n),
         location_name = coalesce(location_name, $3::text), location_country_code = coalesce(location_country_code, $4::char(2)),
         version = version + 1, updated_at = now()
       WHERE id = $1::uuid`,
      [meetingId, [...new Set(report.sectors)], report.locationName, report.locationCountryCode, reading.newsItemId, reading.status, reading.date,
        reading.dateSource, reading.reportedOn],
    );
  }

  /**
   * Adds participants, each as its actor across scripts and spellings (resolveActor), once per meeting. `isNew`: the
   * meeting was created in this transaction and has none yet (they are not read).
   */
  async addParticipants(meetingId: string, participants: readonly NewParticipant[], isNew = false): Promise<void> {
    if (!participants.length) return;
    const present = new Set<string>(
      isNew ? [] : (await preparedQuery(this.manager, `SELECT actor_id FROM meeting_participant WHERE meeting_id = $1`, [meetingId])).map((row: { actor_id: string }) => row.actor_id),
    );
    for (const participant of participants) {
      const actorId = await resolveActor(this.manager, { name: participant.name, country: participant.countryCode });
      if (present.has(actorId)) continue;
      present.add(actorId);
      await preparedQuery(this.manager,
        `INSERT INTO meeting_participant (meeting_id, actor_id, name, title, organization) VALUES ($1, $2, $3, $4, $5)`,
        [meetingId, actorId, participant.name.trim(), participant.title, participant.organization],
      );
    }
  }

  /**
   * Re-derives a meeting's status and date from every reading of it and stores them when they changed.
   * Returns them before and after, so a caller can follow a change.
   */
  async applyReadings(meetingId: string, before: ResolvedMeeting): Promise<{ before: ResolvedMeeting; after: ResolvedMeeting }> {
    const readings: { id: string; status: EventStatus; date: string | null; date_source: DateSource | null; reported_on: string | null; news_item_id: string | null; recorded_at: Date }[] =
      await preparedQuery(this.manager, 
        `SELECT id, status, date::text AS date, date_source, reported_on::text AS reported_on, news_item_id, recorded_at FROM meeting_reading WHERE meeting_id = $1`,
        [meetingId],
      );
    const after =
      resolveMeetingStatus(
        readings.map((r) => ({
          id: r.id, status: r.status, date: r.date, dateSource: r.date_source, reportedOn: r.reported_on, byAnalyst: r.news_item_id === null, recordedAt: r.recorded_at,
        })),
      ) ?? before;
    if (after.status !== before.status || after.date !== before.date || after.dateSource !== before.dateSource) {
      await preparedQuery(this.manager, 
        `UPDATE meeting SET status = $2, date = $3, date_source = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [meetingId, after.status, after.date, after.dateSource],
      );
    }
    return { before, after };
  }

  /** Due dates guessed from a horizon count from the day the meeting was held: moved when that day is known. */
  async reestimateDueDates(meetingId: string, heldOn: string): Promise<void> {
    const due = Object.fromEntries(FOLLOW_UP_HORIZONS.map((horizon) => [horizon, estimatedDueDate(horizon, heldOn)]));
    await preparedQuery(this.manager, 
      `UPDATE follow_up_action SET due_date = ($2::jsonb ->> horizon::text)::date, updated_at = now()
       WHERE meeting_id = $1 AND due_date_estimated`,
      [meetingId, JSON.stringify(due)],
    );
  }

  /** Moves everything of `duplicateIds` onto `targetId` (sources, parties, participants, evidence, follow-ups, readings), then deletes them. */
  async mergeInto(targetId: string, duplicateIds: readonly string[]): Promise<void> {
    const params = [targetId, duplicateIds];
    await preparedQuery(this.manager, 
      `INSERT INTO meeting_source (meeting_id, news_item_id) SELECT $1, news_item_id FROM meeting_source WHERE meeting_id = ANY($2) ON CONFLICT DO NOTHING`,
      params,
    );
    await preparedQuery(this.manager, 
      `INSERT INTO meeting_party (meeting_id, country_code) SELECT DISTINCT $1::uuid, country_code FROM meeting_party WHERE meeting_id = ANY($2) ON CONFLICT DO NOTHING`,
      params,
    );
    await preparedQuery(this.manager, `UPDATE meeting_participant SET meeting_id = $1 WHERE meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `UPDATE evidence SET meeting_id = $1 WHERE meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `UPDATE follow_up_action SET meeting_id = $1 WHERE meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `UPDATE proposal_status_change SET meeting_id = $1 WHERE meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `UPDATE follow_up_status_change SET meeting_id = $1 WHERE meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `UPDATE proposal SET origin_meeting_id = $1 WHERE origin_meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `UPDATE meeting_reading SET meeting_id = $1 WHERE meeting_id = ANY($2)`, params);
    await preparedQuery(this.manager, `DELETE FROM meeting WHERE id = ANY($1)`, [duplicateIds]);
  }

  /** The party sets of the meetings `ids` (sorted; ids that are no meeting's give none): what their edits lock. */
  async partySets(ids: readonly string[]): Promise<string[][]> {
    const rows: { parties: string[] }[] = await preparedQuery(this.manager, `SELECT party_codes::text[] AS parties FROM meeting WHERE id = ANY($1::uuid[])`, [ids.filter(isUuid)]);
    return rows.map((row) => row.parties);
  }

  /** Replaces a meeting's parties (an analyst's edit). */
  async setParties(meetingId: string, parties: readonly string[]): Promise<void> {
    await preparedQuery(this.manager, `DELETE FROM meeting_party WHERE meeting_id = $1`, [meetingId]);
    await preparedQuery(this.manager, `INSERT INTO meeting_party (meeting_id, country_code) SELECT $1, unnest($2::char(2)[])`, [meetingId, parties]);
  }

  /** Adds an analyst's reading. */
  async addReading(meetingId: string, reading: MeetingReadingFields): Promise<void> {
    await preparedQuery(this.manager, 
      `INSERT INTO meeting_reading (meeting_id, status, date, date_source, reported_on, news_item_id, api_key_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [meetingId, reading.status, reading.date, reading.dateSource, reading.reportedOn, reading.newsItemId, reading.apiKeyId ?? null],
    );
  }
}
