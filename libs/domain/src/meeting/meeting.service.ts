import { COUNTRY_CODE_SHAPE as ISO_ALPHA2 } from '@dyad/vocabulary';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertKnownCountries } from '../country/country.service.js';
import { FollowUpService, type NewFollowUp } from '../follow-up/follow-up.service.js';
import { assertDate, todayInTehran } from '../lifecycle/dates.js';
import { ProposalRepository } from '../proposal/proposal.repository.js';
import { ProposalService, type SetProposalStatusInput } from '../proposal/proposal.service.js';
import { DomainError, DomainErrorCode } from '../shared/domain.error.js';
import { getEntityOrThrow, lockForEdit, pagedRows } from '../shared/entity-helpers.js';
import { PartyLocks, partySetKey, withPartyLocks } from '../shared/party-locks.js';
import { meetingConditions, meetingCountFromRollups, meetingPairPage } from '../shared/filter-sql.js';
import { assertCooperationFilter, type MeetingFilter } from '../shared/filters.js';
import type { Page, PageOf } from '../shared/page.js';
import type { RequestContext } from '../shared/request-context.js';
import { MEETING_SOURCE_IDS } from '../shared/relation.reader.js';
import { SqlParams } from '../shared/sql.js';
import {
  EVENT_STATUSES, EVENT_TYPES, MEETING_OUTCOMES, SECTORS, type EventStatus, type EventType, type MeetingOutcome, type ReviewStatus,
  type Sector,
} from '../shared/vocabulary.js';
import { Meeting } from './meeting.entity.js';
import { MeetingParty } from './meeting-party.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import { resolveMeetingReadings } from './meeting-status.js';

export interface MeetingFields {
  type?: EventType | null;
  /** HELD (default for a new meeting), SCHEDULED or CANCELLED. */
  status?: EventStatus | null;
  date?: string | null;
  countries?: string[] | null;
  locationName?: string | null;
  locationCountry?: string | null;
  sectors?: Sector[] | null;
  summary?: string | null;
}

export interface LogOutcomeInput {
  expectedVersion: number;
  outcome: MeetingOutcome;
  summary?: string | null;
  notes?: string | null;
  followUps?: Omit<NewFollowUp, 'meetingId'>[] | null;
  proposalUpdates?: Omit<SetProposalStatusInput, 'meetingId'>[] | null;
}

/**
 * The meeting columns a list page reads only when its caller shows them, in groups (so one filter makes at most 32
 * statement texts): each costs PostgreSQL its printing and Node its parsing, the timestamps and arrays most. The id,
 * type, date and party set are always read.
 */
export const MEETING_COLUMN_GROUPS = {
  state: ['status', 'dateSource', 'reviewStatus', 'version'],
  location: ['locationName', 'locationCountryCode'],
  texts: ['summary', 'outcome', 'outcomeNotes', 'confidence'],
  sectors: ['sectors'],
  times: ['createdAt', 'updatedAt'],
} as const satisfies Record<string, readonly (keyof Meeting)[]>;
export type MeetingColumnGroup = keyof typeof MEETING_COLUMN_GROUPS;

/** Follow-ups, and proposal changes, one logMeetingOutcome may carry. */
export const MAX_OUTCOME_ITEMS = 50;

@Injectable()
export class MeetingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpService,
    private readonly proposals: ProposalService,
  ) {}

  /**
   * A page of meetings with their stored party sets, and the total, in one statement; `sourceIds` also reads each
   * meeting's source ids (oldest report first) with the rows, for a caller that shows them. `skip` leaves out groups of
   * columns the caller will not show (MEETING_COLUMN_GROUPS; those properties stay unset).
   */
  async list(
    _ctx: RequestContext,
    filter: MeetingFilter | null | undefined,
    page: Page,
    options: { sourceIds?: boolean; skip?: readonly MeetingColumnGroup[] } = {},
  ): Promise<PageOf<Meeting> & { sourceIds?: string[][] }> {
    assertCooperationFilter(filter);
    // (a text filter's matches are found once for the count and the page: see meetingConditions)
    const params = new SqlParams({ share: true });
    // the count from the rollups when they hold it (a pair's meetings at a million rows are tens of thousands)
    const count = meetingCountFromRollups(filter, params);
    // two countries and nothing else: the page's ids from meeting_pair (then the filter's conditions are not needed)
    const pageIds = count ? meetingPairPage(filter, params) : null;
    const conditions = pageIds ? [] : meetingConditions(filter, 'm', params);
    const { rows, total } = await pagedRows<Meeting, { sourceIds: string[] }>(
      this.dataSource.manager,
      Meeting,
      // Latest first; upcoming meetings soonest first (undated ones last).
      { alias: 'm', orderBy: filter?.upcoming ? 'm.date ASC NULLS LAST, m.id' : 'm.date DESC NULLS LAST, m.id' },
      conditions,
      params,
      page,
      {
        count,
        pageIds,
        alsoSelect: ['partyCodes'],
        skip: options.skip?.flatMap((group) => MEETING_COLUMN_GROUPS[group] ?? []),
        extra: options.sourceIds ? { sourceIds: MEETING_SOURCE_IDS } : undefined,
      },
    );
    const nodes = rows.map((row) => row.entity);
    return options.sourceIds ? { nodes, total, sourceIds: rows.map((row) => row.extra.sourceIds) } : { nodes, total };
  }

  /** One meeting, with its stored party set (so its countries need no second statement). */
  get(_ctx: RequestContext, id: string): Promise<Meeting> {
    return getEntityOrThrow(this.dataSource.manager, Meeting, 'meeting', id, ['partyCodes']);
  }

  /** A meeting an analyst records by hand; it is confirmed from the start. */
  async create(ctx: RequestContext, fields: MeetingFields): Promise<Meeting> {
    // A new meeting is one linking may match and may count as a follow-up done: the locks of ingesting one.
    const locks = async () => new PartyLocks().meeting(fields.countries ?? []);
    return withPartyLocks(this.dataSource, locks, async (manager) => {
      if (!fields.type) throw DomainError.invalid('type is required', { field: 'type' });
      if (!fields.countries) throw DomainError.invalid('countries is required', { field: 'countries' });
      const checked = await this.checkFields(manager, fields);
      const id = await new MeetingRepository(manager).create(
        {
          type: checked.type!,
          status: checked.status ?? 'HELD',
          date: checked.date ?? null,
          dateSource: checked.date ? 'TEXT' : null,
          locationName: checked.locationName ?? null,
          locationCountryCode: checked.locationCountry ?? null,
          sectors: checked.sectors ?? [],
          confidence: null,
          summary: checked.summary ?? null,
          reviewStatus: 'CONFIRMED',
          parties: checked.countries!,
        },
        null,
      );
      const meeting = await manager.findOneByOrFail(Meeting, { id });
      await this.addAnalystReading(manager, ctx, meeting);
      await this.audit.record(ctx, manager, { action: 'meeting.create', entityType: 'Meeting', entityId: meeting.id, after: describe(meeting, checked.countries!) });
      return meeting;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, fields: MeetingFields): Promise<Meeting> {
    // New parties: the new set's locks as well as the old one's.
    const locks = async () => new PartyLocks().meeting(fields.countries ?? []);
    return this.edit(ctx, id, expectedVersion, 'meeting.update', locks, async (manager, meeting) => {
      const checked = await this.checkFields(manager, fields);
      if (checked.type != null) meeting.type = checked.type;
      // Status and date are derived from readings: the analyst's word is one more reading, which overrides
      // what reports said until then (resolveMeetingStatus).
      if (checked.status != null || checked.date !== undefined) {
        if (checked.status != null) meeting.status = checked.status;
        if (checked.date !== undefined) {
          meeting.date = checked.date;
          meeting.dateSource = checked.date ? 'TEXT' : null;
        }
        await this.addAnalystReading(manager, ctx, meeting);
      }
      if (checked.locationName !== undefined) meeting.locationName = checked.locationName;
      if (checked.locationCountry !== undefined) meeting.locationCountryCode = checked.locationCountry;
      if (checked.sectors != null) meeting.sectors = checked.sectors;
      if (checked.summary !== undefined) meeting.summary = checked.summary;
      if (checked.countries != null) {
        await new MeetingRepository(manager).setParties(meeting.id, checked.countries);
      }
    });
  }

  confirm(ctx: RequestContext, id: string, expectedVersion: number): Promise<Meeting> {
    return this.review(ctx, id, expectedVersion, 'CONFIRMED');
  }

  reject(ctx: RequestContext, id: string, expectedVersion: number): Promise<Meeting> {
    return this.review(ctx, id, expectedVersion, 'REJECTED');
  }

  /** Records what came of a meeting: summary, outcome, new follow-ups and proposal changes, all or nothing. */
  async logOutcome(ctx: RequestContext, id: string, input: LogOutcomeInput): Promise<Meeting> {
    if (!MEETING_OUTCOMES.includes(input.outcome)) throw DomainError.invalid(`unknown outcome ${input.outcome}`, { field: 'outcome' });
    for (const field of ['followUps', 'proposalUpdates'] as const) {
      if ((input[field]?.length ?? 0) > MAX_OUTCOME_ITEMS) {
        throw DomainError.invalid(`${field} takes at most ${MAX_OUTCOME_ITEMS} entries per call; log the rest in another call`, { field });
      }
    }
    assertNoRepeatedFollowUps(input.followUps ?? []);
    // Each new follow-up's owner set, and each changed proposal's party set, as ingestion takes them.
    const locks = async (manager: EntityManager) => {
      const locks = new PartyLocks();
      for (const followUp of input.followUps ?? []) if (followUp.owners?.length) locks.exclusive(partySetKey(followUp.owners));
      const proposalIds = (input.proposalUpdates ?? []).map((update) => update.proposalId);
      for (const parties of await new ProposalRepository(manager).partySets(proposalIds)) locks.exclusive(partySetKey(parties));
      return locks;
    };
    return this.edit(ctx, id, input.expectedVersion, 'meeting.logOutcome', locks, async (manager, meeting) => {
      meeting.outcome = input.outcome;
      if (input.summary !== undefined) meeting.summary = input.summary?.trim() || null;
      if (input.notes !== undefined) meeting.outcomeNotes = input.notes?.trim() || null;
      if ((input.notes?.length ?? 0) > 10_000) throw DomainError.invalid('notes take at most 10,000 characters', { field: 'notes' });
      const from = meeting.date ?? todayInTehran();
      for (const followUp of input.followUps ?? []) {
        await this.followUps.createIn(manager, ctx, { ...followUp, meetingId: meeting.id }, from);
      }
      for (const update of input.proposalUpdates ?? []) {
        await this.proposals.setStatusIn(manager, ctx, { ...update, meetingId: meeting.id });
      }
    });
  }

  /** Folds duplicates into `targetId`: sources, participants, evidence, follow-ups and readings move over. */
  async merge(ctx: RequestContext, targetId: string, expectedVersion: number, duplicateIds: string[]): Promise<Meeting> {
    const duplicates = [...new Set(duplicateIds)].filter((id) => id !== targetId);
    if (!duplicates.length) throw DomainError.invalid('give at least one other meeting to merge', { field: 'duplicateIds' });
    // The duplicates' sets, and the set the merged meeting will have (all their parties).
    const locks = async (manager: EntityManager) => {
      const sets = await new MeetingRepository(manager).partySets([targetId, ...duplicates]);
      const locks = new PartyLocks().meeting(sets.flat());
      for (const parties of sets) locks.meeting(parties);
      return locks;
    };
    return this.edit(ctx, targetId, expectedVersion, 'meeting.merge', locks, async (manager, target) => {
      for (const id of duplicates) {
        const duplicate = await getEntityOrThrow(manager, Meeting, 'meeting', id);
        target.sectors = [...new Set([...target.sectors, ...duplicate.sectors])];
        target.locationName ??= duplicate.locationName;
        target.locationCountryCode ??= duplicate.locationCountryCode;
      }
      await new MeetingRepository(manager).mergeInto(targetId, duplicates);
      // One meeting now, reported by all their sources: its status and date come from all their readings.
      const resolved = await resolveMeetingReadings(manager, targetId);
      if (resolved) Object.assign(target, resolved);
    });
  }

  private review(ctx: RequestContext, id: string, expectedVersion: number, status: ReviewStatus): Promise<Meeting> {
    return this.edit(ctx, id, expectedVersion, status === 'CONFIRMED' ? 'meeting.confirm' : 'meeting.reject', null, async (_manager, meeting) => {
      if (meeting.reviewStatus === status) {
        throw new DomainError(DomainErrorCode.Conflict, `meeting ${id} is already ${status}`);
      }
      meeting.reviewStatus = status;
    });
  }

  /**
   * Takes the locks ingesting a report of the meeting takes (its party set; see withPartyLocks) and `moreLocks`,
   * locks the meeting at `expectedVersion`, applies `change`, saves, and audits before and after.
   */
  private edit(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    action: string,
    moreLocks: ((manager: EntityManager) => Promise<PartyLocks>) | null,
    change: (manager: EntityManager, meeting: Meeting) => Promise<void>,
  ): Promise<Meeting> {
    const locks = async (manager: EntityManager) => {
      const locks = new PartyLocks();
      for (const parties of await new MeetingRepository(manager).partySets([id])) locks.meeting(parties);
      return moreLocks ? locks.add(await moreLocks(manager)) : locks;
    };
    return withPartyLocks(this.dataSource, locks, async (manager) => {
      const meeting = await lockForEdit(manager, Meeting, 'meeting', id, expectedVersion);
      const before = describe(meeting, await this.partiesOf(manager, id));
      await change(manager, meeting);
      await manager.save(Meeting, meeting);
      // Every accepted edit moves the version, also one that only added rows around the meeting (follow-ups,
      // merged sources): a second edit made from the same reading must get CONFLICT, not apply twice.
      if ((await manager.findOneByOrFail(Meeting, { id })).version === expectedVersion) await manager.increment(Meeting, { id }, 'version', 1);
      const saved = await manager.findOneByOrFail(Meeting, { id });
      await this.audit.record(ctx, manager, {
        action,
        entityType: 'Meeting',
        entityId: id,
        before,
        after: describe(saved, await this.partiesOf(manager, id)),
      });
      return saved;
    });
  }

  private async addAnalystReading(manager: EntityManager, ctx: RequestContext, meeting: Meeting): Promise<void> {
    await new MeetingRepository(manager).addReading(meeting.id, {
      status: meeting.status,
      date: meeting.date,
      dateSource: meeting.dateSource,
      reportedOn: todayInTehran(),
      newsItemId: null,
      apiKeyId: ctx.caller?.keyId ?? null,
    });
  }

  private async partiesOf(manager: EntityManager, id: string): Promise<string[]> {
    return (await manager.find(MeetingParty, { where: { meetingId: id }, order: { countryCode: 'ASC' } })).map((p) => p.countryCode);
  }

  private async checkFields(manager: EntityManager, fields: MeetingFields): Promise<MeetingFields> {
    if (fields.type != null && !EVENT_TYPES.includes(fields.type)) throw DomainError.invalid(`unknown type ${fields.type}`, { field: 'type' });
    if (fields.type === 'STATEMENT') throw DomainError.invalid('a STATEMENT is not a meeting', { field: 'type' });
    if (fields.status != null && !EVENT_STATUSES.includes(fields.status)) {
      throw DomainError.invalid(`status must be one of ${EVENT_STATUSES.join(', ')}, not "${fields.status}"`, { field: 'status' });
    }
    if (fields.date != null) assertDate(fields.date, 'date');
    const bad = (fields.sectors ?? []).filter((sector) => !SECTORS.includes(sector));
    if (bad.length) throw DomainError.invalid(`unknown sectors: ${bad.join(', ')}`, { field: 'sectors' });
    const countries = fields.countries == null ? fields.countries : [...new Set(fields.countries)].sort();
    if (countries != null && countries.length < 2) {
      throw DomainError.invalid('a meeting needs at least two countries', { field: 'countries' });
    }
    const codes = [...(countries ?? []), ...(fields.locationCountry ? [fields.locationCountry] : [])];
    const malformed = codes.filter((code) => !ISO_ALPHA2.test(code));
    if (malformed.length) throw DomainError.invalid(`not ISO alpha-2 codes: ${malformed.join(', ')}`, { field: 'countries' });
    await assertKnownCountries(manager, codes, 'countries');
    if ((fields.summary?.length ?? 0) > 10_000) throw DomainError.invalid('summary takes at most 10,000 characters', { field: 'summary' });
    return { ...fields, countries, sectors: fields.sectors ? [...new Set(fields.sectors)] : fields.sectors };
  }
}

// The same follow-up twice in one call is a slip (a double submit), never two tasks.
function assertNoRepeatedFollowUps(followUps: Omit<NewFollowUp, 'meetingId'>[]): void {
  const seen = new Map<string, number>();
  followUps.forEach((followUp, index) => {
    const key = JSON.stringify([followUp.description?.trim().toLowerCase(), [...(followUp.owners ?? [])].sort(), followUp.horizon, followUp.dueDate ?? null]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw DomainError.invalid(`followUps[${index}] repeats followUps[${first}]`, { field: 'followUps' });
    }
    seen.set(key, index);
  });
}

const describe = (meeting: Meeting, countries: string[]) => ({
  type: meeting.type,
  status: meeting.status,
  date: meeting.date,
  countries,
  locationName: meeting.locationName,
  locationCountry: meeting.locationCountryCode,
  sectors: meeting.sectors,
  summary: meeting.summary,
  outcome: meeting.outcome,
  outcomeNotes: meeting.outcomeNotes,
  reviewStatus: meeting.reviewStatus,
  version: meeting.version,
});
