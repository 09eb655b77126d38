import { Injectable } from '@nestjs/common';
import { DataSource, In, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { Country } from '../country/country.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { FollowUpAction } from '../follow-up/follow-up-action.entity.js';
import { FollowUpOwner } from '../follow-up/follow-up-owner.entity.js';
import { FollowUpStatusChange } from '../follow-up/follow-up-status-change.entity.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { MeetingParticipant } from '../meeting/meeting-participant.entity.js';
import { MeetingParty } from '../meeting/meeting-party.entity.js';
import { NewsItem } from '../news-item/news-item.entity.js';
import { Proposal } from '../proposal/proposal.entity.js';
import { ProposalParty } from '../proposal/proposal-party.entity.js';
import { ProposalStatusChange } from '../proposal/proposal-status-change.entity.js';
import { groupBy } from './group-by.js';

export type EvidenceSubject = 'meeting' | 'proposal' | 'followUp';

/** The ids of the news items reporting the meeting aliased `e`, oldest first: an SQL expression (a text[]). */
export const MEETING_SOURCE_IDS = `ARRAY(SELECT ms.news_item_id::text FROM meeting_source ms
  WHERE ms.meeting_id = e.id ORDER BY ms.published_at NULLS LAST, ms.ingested_at, ms.news_item_id)`;

/**
 * One query per relation for a whole batch of parents: the batch functions behind the API's per-request
 * DataLoaders, so a page of 50 meetings with all their relations costs a constant number of statements.
 */
@Injectable()
export class RelationReader {
  constructor(private readonly dataSource: DataSource) {}

  private async byIds<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    ids: readonly string[],
    /** Columns to leave out (a news item's body, up to 5 MB, is read only when asked for). */
    without: string[] = [],
  ): Promise<(T | null)[]> {
    const repository = this.dataSource.getRepository(entity);
    const select = without.length
      ? Object.fromEntries(repository.metadata.columns.filter((c) => c.isSelect && !c.relationMetadata && !without.includes(c.propertyName)).map((c) => [c.propertyName, true]))
      : undefined;
    const rows = await repository.find({ where: { id: In([...ids]) } as never, select: select as never });
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }

  meetings = (ids: readonly string[]) => this.byIds(Meeting, ids);
  proposals = (ids: readonly string[]) => this.byIds(Proposal, ids);
  followUps = (ids: readonly string[]) => this.byIds(FollowUpAction, ids);
  /** News items without their body (see newsItemBodies). */
  newsItems = (ids: readonly string[]) => this.byIds(NewsItem, ids, ['body']);

  async newsItemBodies(ids: readonly string[]): Promise<(string | null)[]> {
    const rows: { id: string; body: string }[] = await this.dataSource.query(`SELECT id, body FROM news_item WHERE id = ANY($1)`, [ids]);
    const found = new Map(rows.map((row) => [row.id, row.body]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * Countries by code, from an in-process copy of the country table (about 250 rows, written only by migrations):
   * read once, and again when a code is not in it (a country added since), so a page's countries cost no statement.
   */
  async countries(codes: readonly string[]): Promise<(Country | null)[]> {
    let all = await (this.allCountries ??= this.readCountries());
    if (codes.some((code) => !all.has(code))) {
      this.allCountries = this.readCountries();
      all = await this.allCountries;
    }
    return codes.map((code) => all.get(code) ?? null);
  }

  private allCountries?: Promise<Map<string, Country>>;

  private async readCountries(): Promise<Map<string, Country>> {
    const read = this.dataSource.getRepository(Country).find().then((rows) => new Map(rows.map((row) => [row.code, row])));
    // a failed read (database down) is not kept: the next request reads again
    read.catch(() => (this.allCountries = undefined));
    return read;
  }

  async meetingParties(meetingIds: readonly string[]): Promise<string[][]> {
    const rows = await this.dataSource.getRepository(MeetingParty).find({ where: { meetingId: In([...meetingIds]) }, order: { countryCode: 'ASC' } });
    return groupBy(meetingIds, rows, (row) => row.meetingId).map((group) => group.map((row) => row.countryCode));
  }

  async proposalParties(proposalIds: readonly string[]): Promise<string[][]> {
    const rows = await this.dataSource.getRepository(ProposalParty).find({ where: { proposalId: In([...proposalIds]) }, order: { countryCode: 'ASC' } });
    return groupBy(proposalIds, rows, (row) => row.proposalId).map((group) => group.map((row) => row.countryCode));
  }

  async followUpOwners(followUpIds: readonly string[]): Promise<string[][]> {
    const rows = await this.dataSource.getRepository(FollowUpOwner).find({ where: { followUpId: In([...followUpIds]) }, order: { countryCode: 'ASC' } });
    return groupBy(followUpIds, rows, (row) => row.followUpId).map((group) => group.map((row) => row.countryCode));
  }

  async participants(meetingIds: readonly string[]): Promise<MeetingParticipant[][]> {
    const rows = await this.dataSource.getRepository(MeetingParticipant).find({
      where: { meetingId: In([...meetingIds]) },
      relations: { actor: true },
      order: { id: 'ASC' },
    });
    return groupBy(meetingIds, rows, (row) => row.meetingId);
  }

  /** How many meetings (rejected ones left out) each actor took part in: its shards' rows in rollup_actor. */
  async actorMeetingCounts(actorIds: readonly string[]): Promise<number[]> {
    const rows: { actor_id: string; meetings: number }[] = await this.dataSource.query(
      `SELECT actor_id, sum(meetings)::int AS meetings FROM rollup_actor WHERE actor_id = ANY($1) GROUP BY actor_id`,
      [actorIds],
    );
    const byId = new Map(rows.map((row) => [row.actor_id, row.meetings]));
    return actorIds.map((id) => byId.get(id) ?? 0);
  }

  /** News item ids reporting each meeting, oldest publication first. */
  async meetingSourceIds(meetingIds: readonly string[]): Promise<string[][]> {
    const rows: { meeting_id: string; news_item_id: string }[] = await this.dataSource.query(
      `SELECT ms.meeting_id, ms.news_item_id FROM meeting_source ms
       WHERE ms.meeting_id = ANY($1) ORDER BY ms.published_at NULLS LAST, ms.ingested_at, ms.news_item_id`,
      [meetingIds],
    );
    return groupBy(meetingIds, rows, (row) => row.meeting_id).map((group) => group.map((row) => row.news_item_id));
  }

  /** Meetings each news item reports. */
  async newsItemMeetingIds(newsItemIds: readonly string[]): Promise<string[][]> {
    const rows: { meeting_id: string; news_item_id: string }[] = await this.dataSource.query(
      `SELECT ms.meeting_id, ms.news_item_id FROM meeting_source ms JOIN meeting m ON m.id = ms.meeting_id
       WHERE ms.news_item_id = ANY($1) ORDER BY m.date, m.id`,
      [newsItemIds],
    );
    return groupBy(newsItemIds, rows, (row) => row.news_item_id).map((group) => group.map((row) => row.meeting_id));
  }

  /** Proposals a meeting discussed: those any report of it mentioned, or that it started. */
  async meetingProposals(meetingIds: readonly string[]): Promise<Proposal[][]> {
    const rows: { meeting_id: string; id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.meeting_id, c.proposal_id AS id FROM proposal_status_change c WHERE c.meeting_id = ANY($1)
       UNION SELECT p.origin_meeting_id, p.id FROM proposal p WHERE p.origin_meeting_id = ANY($1)`,
      [meetingIds],
    );
    const proposals = await this.proposals([...new Set(rows.map((row) => row.id))]);
    const byId = new Map(proposals.filter((p): p is Proposal => p !== null).map((p) => [p.id, p]));
    return groupBy(meetingIds, rows, (row) => row.meeting_id).map((group) =>
      group.map((row) => byId.get(row.id)!).filter(Boolean).sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)),
    );
  }

  async meetingFollowUps(meetingIds: readonly string[]): Promise<FollowUpAction[][]> {
    const rows = await this.dataSource.getRepository(FollowUpAction).find({
      where: { meetingId: In([...meetingIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupBy(meetingIds, rows, (row) => row.meetingId!);
  }

  async proposalFollowUps(proposalIds: readonly string[]): Promise<FollowUpAction[][]> {
    const rows = await this.dataSource.getRepository(FollowUpAction).find({
      where: { proposalId: In([...proposalIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupBy(proposalIds, rows, (row) => row.proposalId!);
  }

  /** The accepted history of each proposal, in date order. */
  async proposalHistory(proposalIds: readonly string[]): Promise<ProposalStatusChange[][]> {
    const rows = await this.dataSource.getRepository(ProposalStatusChange).find({
      where: { proposalId: In([...proposalIds]), accepted: true },
      order: { effectiveDate: { direction: 'ASC', nulls: 'FIRST' }, recordedAt: 'ASC', id: 'ASC' },
    });
    return groupBy(proposalIds, rows, (row) => row.proposalId);
  }

  async followUpHistory(followUpIds: readonly string[]): Promise<FollowUpStatusChange[][]> {
    const rows = await this.dataSource.getRepository(FollowUpStatusChange).find({
      where: { followUpId: In([...followUpIds]) },
      order: { effectiveDate: { direction: 'ASC', nulls: 'FIRST' }, recordedAt: 'ASC', id: 'ASC' },
    });
    return groupBy(followUpIds, rows, (row) => row.followUpId);
  }

  async evidence(subject: EvidenceSubject, ids: readonly string[]): Promise<Evidence[][]> {
    const column = ({ meeting: 'meetingId', proposal: 'proposalId', followUp: 'followUpId' } as const)[subject];
    const rows = await this.dataSource.getRepository(Evidence).find({
      where: { [column]: In([...ids]) },
      order: { newsItemId: 'ASC', start: 'ASC', id: 'ASC' },
    });
    return groupBy(ids, rows, (row) => row[column]!);
  }
}
