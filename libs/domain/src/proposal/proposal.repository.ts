import type { EntityManager } from 'typeorm';
import { isUuid } from '../shared/entity-helpers.js';
import { sortedSet } from '../shared/party-locks.js';
import { preparedQuery } from '../shared/prepared-query.js';
import { HISTORY_COLUMNS, historyReadings, type HistoryRow } from './proposal-history.js';
import type { ProposalKind, ProposalStatus, Sector } from '../shared/vocabulary.js';

/** What the mentions of one event share: its sectors, parties and date, its meeting, its news item. */
export interface MentionContext {
  sectors: readonly Sector[];
  parties: readonly string[];
  statusDate: string | null;
  originMeetingId: string | null;
  newsItemId: string | null;
}

// The proposals `which` are given the sectors (an array value) they lack, in their order.
const addSectors = (sectors: string, which: string) =>
  `UPDATE proposal SET sectors = sectors || ARRAY(SELECT s FROM unnest(${sectors}) WITH ORDINALITY AS t(s, n) WHERE s <> ALL(sectors) ORDER BY n)
   WHERE ${which} AND NOT (sectors @> ${sectors})`;

/** All SQL that linking uses to find and write proposals, their parties and readings. */
export class ProposalRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * An event's dated mentions, looked up and read in one statement. For each kind mentioned, the proposal of that kind
   * and exactly these parties the mention is about: one whose sectors overlap (or either has none), with a reading
   * dated within [from, to] (one known only from undated readings cannot be placed in time: it is never found), the
   * most recent status first; each kind one range of the (party_codes, kind, status_date) index. Each mention of a
   * kind found is then stored as a reading of that proposal (unaccepted, in the mentions' order; the sectors it lacked
   * added), as addMentions stores one. Returns the kinds found, each with its proposal's status before and its history
   * as applyProposalHistories reads it for the day of the new readings, those included (they are not yet visible to
   * the statement that writes them: they are its inserts' own rows). The mentions of the other kinds are left to the
   * caller (addMentions).
   */
  async readMatches(
    mentions: readonly { kind: ProposalKind; status: ProposalStatus }[],
    window: { from: string; to: string },
    shared: MentionContext & { statusDate: string },
  ): Promise<Map<ProposalKind, { id: string; status: ProposalStatus; history: HistoryRow[] }>> {
    const rows: (HistoryRow & { kind: ProposalKind })[] = await preparedQuery(this.manager,
      `WITH mention AS (SELECT * FROM unnest($1::proposal_kind[], $2::proposal_status[]) WITH ORDINALITY AS t(kind, status, n)),
       found AS (
         -- per kind, the index of proposals by party set and kind read latest first up to the first that fits
         -- (not every proposal of the pair gathered and sorted: 2,500 of them for a busy pair at 1M meetings)
         SELECT k.kind, p.id, p.status FROM (SELECT DISTINCT kind FROM mention) k
         CROSS JOIN LATERAL (
           SELECT p.id, p.status FROM proposal p
           WHERE p.party_codes = $3::char(2)[] AND p.kind = k.kind
             AND (cardinality(p.sectors) = 0 OR cardinality($6::sector[]) = 0 OR p.sectors && $6::sector[])
             -- a reading in the window: a probe of the (proposal_id, effective_date) index, read from the index alone
             AND EXISTS (SELECT 1 FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.effective_date BETWEEN $4::date AND $5::date)
           ORDER BY p.status_date DESC NULLS LAST, p.id LIMIT 1) p
       ), reading AS (
         INSERT INTO proposal_status_change (proposal_id, status, effective_date, news_item_id, meeting_id, accepted, note)
         SELECT f.id, m.status, $7::date, $8::uuid, $9::uuid, false, NULL FROM mention m JOIN found f USING (kind) ORDER BY m.n
         RETURNING *
       ), sectors AS (
         ${addSectors('$6::sector[]', 'id IN (SELECT id FROM found)')}
       ), known AS (
         -- (the rest of each proposal found by its key: what the lookup walks stays in its index)
         SELECT f.kind, f.id, f.status, p.status_date, p.origin_meeting_id FROM found f JOIN proposal p ON p.id = f.id
       )
       SELECT p.kind, ${HISTORY_COLUMNS} FROM known p CROSS JOIN LATERAL ${historyReadings('$7::date', '$7::date')} c
       UNION ALL
       SELECT p.kind, ${HISTORY_COLUMNS} FROM known p JOIN reading c ON c.proposal_id = p.id`,
      [
        mentions.map((m) => m.kind), mentions.map((m) => m.status), sortedSet(shared.parties), window.from, window.to, [...new Set(shared.sectors)],
        shared.statusDate, shared.newsItemId, shared.originMeetingId,
      ],
    );
    const found = new Map<ProposalKind, { id: string; status: ProposalStatus; history: HistoryRow[] }>();
    for (const { kind, ...row } of rows) {
      let match = found.get(kind);
      if (!match) found.set(kind, (match = { id: row.proposal_id, status: row.proposal_status, history: [] }));
      match.history.push(row);
    }
    return found;
  }

  /**
   * Several mentions of one event at once (they share its sectors and date): a reading each on known proposals
   * (the sectors they lacked added), then the new proposals (ids chosen by the caller), each with its parties
   * and first reading, taken into its history. At most two statements.
   */
  async addMentions(
    shared: MentionContext,
    created: readonly { id: string; kind: ProposalKind; title: string; description: string; searchKey: string; status: ProposalStatus }[],
    readings: readonly { proposalId: string; status: ProposalStatus }[],
  ): Promise<void> {
    const sectors = [...new Set(shared.sectors)];
    if (created.length) {
      await preparedQuery(this.manager,
        `WITH p AS (
           INSERT INTO proposal (id, kind, title, description, search_key, sectors, status, status_date, origin_meeting_id, version, party_codes)
           SELECT id, kind, title, description, search_key, $7::sector[], status, $8::date, $9::uuid, 1, $10::char(2)[]
           FROM unnest($1::uuid[], $2::proposal_kind[], $3::text[], $4::text[], $5::text[], $6::proposal_status[]) WITH ORDINALITY
             AS t(id, kind, title, description, search_key, status, n)
           ORDER BY n
           RETURNING id, status
         ), parties AS (
           INSERT INTO proposal_party (proposal_id, country_code) SELECT p.id, c FROM p, unnest($10::char(2)[]) AS c
         )
         INSERT INTO proposal_status_change (proposal_id, status, effective_date, news_item_id, meeting_id, accepted, note)
         SELECT p.id, p.status, $8::date, $11::uuid, $9::uuid, true, NULL FROM p`,
        [
          created.map((p) => p.id), created.map((p) => p.kind), created.map((p) => p.title), created.map((p) => p.description),
          created.map((p) => p.searchKey), created.map((p) => p.status), sectors, shared.statusDate, shared.originMeetingId,
          sortedSet(shared.parties), shared.newsItemId,
        ],
      );
    }
    if (readings.length) {
      await preparedQuery(this.manager,
        `WITH reading AS (
           INSERT INTO proposal_status_change (proposal_id, status, effective_date, news_item_id, meeting_id, accepted, note)
           SELECT id, status, $4::date, $5::uuid, $6::uuid, false, NULL
           FROM unnest($1::uuid[], $2::proposal_status[]) WITH ORDINALITY AS t(id, status, n) ORDER BY n
         )
         ${addSectors('$3::sector[]', 'id = ANY($1::uuid[])')}`,
        [readings.map((r) => r.proposalId), readings.map((r) => r.status), sectors, shared.statusDate, shared.newsItemId, shared.originMeetingId],
      );
    }
  }

  /** The party sets of the proposals `ids` (sorted): what a change of their status locks. */
  async partySets(ids: readonly string[]): Promise<string[][]> {
    const rows: { parties: string[] }[] = await preparedQuery(this.manager, `SELECT party_codes::text[] AS parties FROM proposal WHERE id = ANY($1::uuid[])`, [ids.filter(isUuid)]);
    return rows.map((row) => row.parties);
  }
}
