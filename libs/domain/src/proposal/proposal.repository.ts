import type { EntityManager } from 'typeorm';
import { sortedSet } from '../shared/party-locks.js';
import { preparedQuery } from '../shared/prepared-query.js';
import type { ProposalKind, ProposalStatus, Sector } from '../shared/vocabulary.js';

export interface NewProposal {
  kind: ProposalKind;
  title: string;
  description: string;
  searchKey: string;
  sectors: Sector[];
  status: ProposalStatus;
  statusDate: string | null;
  originMeetingId: string | null;
  parties: string[];
}

/** A report's reading of a proposal's status (accepted into its history or not by applyProposalHistory). */
export interface ProposalReadingFields {
  status: ProposalStatus;
  effectiveDate: string | null;
  newsItemId: string | null;
  meetingId: string | null;
  /** Taken into the history; false until applyProposalHistory decides (a first reading is always taken). */
  accepted?: boolean;
}

/** All SQL that linking uses to find and write proposals, their parties and readings. */
export class ProposalRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * For each of `kinds`, the proposal of that kind and exactly these parties that a mention is about: one whose
   * sectors overlap (or either has none), read within [from, to] (any proposal when from is null; undated
   * readings count), the most recent status first. One statement for every kind an event mentions, each kind
   * one range of the (party_codes, kind, status_date) index.
   */
  async findMatches(
    kinds: readonly ProposalKind[],
    parties: readonly string[],
    sectors: readonly Sector[],
    from: string | null,
    to: string | null,
  ): Promise<Map<ProposalKind, { id: string; status: ProposalStatus }>> {
    const rows: { kind: ProposalKind; id: string; status: ProposalStatus }[] = await preparedQuery(this.manager,
      `SELECT DISTINCT ON (p.kind) p.kind, p.id, p.status FROM proposal p
       WHERE p.party_codes = $2::char(2)[] AND p.kind = ANY($1::proposal_kind[])
         AND (cardinality(p.sectors) = 0 OR cardinality($5::sector[]) = 0 OR p.sectors && $5::sector[])
         AND ($3::date IS NULL OR EXISTS (SELECT 1 FROM proposal_status_change c WHERE c.proposal_id = p.id
                                          AND (c.effective_date IS NULL OR c.effective_date BETWEEN $3 AND $4)))
       ORDER BY p.kind, p.status_date DESC NULLS LAST, p.id`,
      [[...new Set(kinds)], sortedSet(parties), from, to, [...new Set(sectors)]],
    );
    return new Map(rows.map((row) => [row.kind, { id: row.id, status: row.status }]));
  }

  /** Adds a reading, and the report's sectors the proposal did not have yet. */
  async addReading(proposalId: string, sectors: readonly Sector[], reading: ProposalReadingFields): Promise<void> {
    await preparedQuery(this.manager, 
      `WITH reading AS (
         INSERT INTO proposal_status_change (proposal_id, status, effective_date, news_item_id, meeting_id, accepted, note)
         VALUES ($1::uuid, $3, $4, $5, $6, false, NULL)
       )
       UPDATE proposal SET sectors = sectors || ARRAY(SELECT s FROM unnest($2::sector[]) WITH ORDINALITY AS t(s, n) WHERE s <> ALL(sectors) ORDER BY n)
       WHERE id = $1::uuid AND NOT (sectors @> $2::sector[])`,
      [proposalId, [...new Set(sectors)], reading.status, reading.effectiveDate, reading.newsItemId, reading.meetingId],
    );
  }

  /** Creates a proposal with its parties and first reading in one statement; its stored party set is written with the row (see MeetingRepository.create). */
  async create(fields: NewProposal, reading: ProposalReadingFields): Promise<string> {
    const [row] = await preparedQuery(this.manager, 
      `WITH p AS (
         INSERT INTO proposal (kind, title, description, search_key, sectors, status, status_date, origin_meeting_id, version, party_codes)
         VALUES ($1, $2, $3, $4, $5::sector[], $6, $7, $8, 1, $9::char(2)[]) RETURNING id
       ), parties AS (
         INSERT INTO proposal_party (proposal_id, country_code) SELECT p.id, c FROM p, unnest($9::char(2)[]) AS c
       ), reading AS (
         INSERT INTO proposal_status_change (proposal_id, status, effective_date, news_item_id, meeting_id, accepted, note)
         SELECT p.id, $10::proposal_status, $11::date, $12::uuid, $13::uuid, $14::boolean, NULL FROM p
       )
       SELECT id FROM p`,
      [
        fields.kind, fields.title, fields.description, fields.searchKey, [...new Set(fields.sectors)], fields.status, fields.statusDate,
        fields.originMeetingId, sortedSet(fields.parties), reading.status, reading.effectiveDate, reading.newsItemId, reading.meetingId,
        reading.accepted ?? false,
      ],
    );
    return row.id;
  }

  /** The first accepted reading showing the proposal signed (or past it) on or after `from`, undated ones last. */
  async firstSigned(proposalId: string, from: string): Promise<{ date: string | null; newsItemId: string | null; meetingId: string | null } | null> {
    const [row] = await preparedQuery(this.manager, 
      `SELECT effective_date::text AS date, news_item_id, meeting_id FROM proposal_status_change
       WHERE proposal_id = $1 AND accepted AND status IN ('SIGNED', 'IMPLEMENTING', 'COMPLETED')
         AND (effective_date >= $2 OR effective_date IS NULL)
       ORDER BY effective_date NULLS LAST, recorded_at LIMIT 1`,
      [proposalId, from],
    );
    return row ? { date: row.date, newsItemId: row.news_item_id, meetingId: row.meeting_id } : null;
  }
}
