import {
  addDays, applyProposalHistories, estimatedDueDate, MeetingRepository, newId, partySetKey, ProposalRepository, proposalStatusRank, sortedSet,
  type EvidenceSpan, type EvidenceTarget, type HistoryRow, type MeetingReadingFields, type NewMeeting, type NewReadingDays, type NewsItem, type ProposalKind, type ProposalStatus, type Sector, type StoredMeeting,
} from '@dyad/domain';
import {
  actorNameKey, normalizeForSearch, type ExtractedEvent, type ExtractedFollowUp, type ExtractedProposal,
} from '@dyad/extraction';
import type { EntityManager } from 'typeorm';
import type { IngestOutcome } from '../news-item-input.js';
import { followUpIntent } from './follow-up-intent.js';
import { LinkingBatch } from './linking-batch.js';
import { candidateWindows, datesAndTypesFit, matchMeeting, type ReportedMeeting } from './meeting-match.js';

type Counters = Omit<IngestOutcome, 'status' | 'newsItemId'>;

const key = (text: string) => normalizeForSearch(text).toLowerCase();
const PROPOSAL_WINDOW_DAYS = 3 * 366;
const SIGNED_RANK = proposalStatusRank('SIGNED');
// (ISO days compare as text)
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);
const dayOf = (date: string | null): NewReadingDays | null => (date ? { from: date, to: date } : null);

/**
 * Links the events of one news item to what is already known, inside the item's transaction:
 * meetings are merged or created (their status and date resolved from every reading), proposals found
 * again or created (their history resolved from every reading), follow-ups added, and open follow-ups
 * closed when the facts now show them done. The decisions are made here; the SQL is in the repositories
 * of @dyad/domain. Items stored together share a LinkingBatch: their follow-ups and evidence are written,
 * and the follow-ups their facts show done closed, once for all of them (at LinkingBatch.close); by default
 * an item has a batch of its own, closed by `finish`.
 *
 * Dates are never made up: an event with no date (an item with no date of its own) gives a meeting with
 * no date, proposal readings and follow-up changes with no date and no estimated due date.
 */
export class Linker {
  readonly counters: Counters = {
    meetingsCreated: 0,
    meetingsMerged: 0,
    proposalsCreated: 0,
    proposalsAdvanced: 0,
    followUpsClosed: 0,
    undatedEvents: 0,
  };
  // (with the first and last days of its readings from this item, null when one has no date: see applyProposalHistories;
  // and the history read with its readings by ProposalRepository.readMatches, current unless another event of this
  // item read the proposal too: null, read afresh)
  private readonly touchedProposals = new Map<
    string,
    { existed: boolean; status: ProposalStatus; readings: number; days: NewReadingDays | null; history: HistoryRow[] | null }
  >();
  // What this item touched: only follow-ups these facts could close are re-examined.
  // (with their parties: a meeting is found again only among those of exactly its event's parties)
  private readonly touchedMeetings = new Map<string, string[]>();
  private readonly newFollowUps: string[] = [];
  private readonly meetings: MeetingRepository;
  private readonly proposals: ProposalRepository;
  private readonly batch: LinkingBatch;
  private readonly ownBatch: boolean;

  constructor(
    private readonly manager: EntityManager,
    private readonly newsItem: Pick<NewsItem, 'id' | 'body' | 'publishedAt'>,
    private readonly knownCountries: Set<string>,
    batch?: LinkingBatch,
  ) {
    this.meetings = new MeetingRepository(manager);
    this.proposals = new ProposalRepository(manager);
    this.ownBatch = !batch;
    this.batch = batch ?? new LinkingBatch(manager);
  }

  /** Links one event; each event of an item has its own parties, date, place, participants and evidence. */
  async linkEvent(event: ExtractedEvent): Promise<void> {
    const parties = sortedSet(event.countries.filter((code) => this.knownCountries.has(code)));
    if (parties.length < 2) return;
    if (!event.date) this.counters.undatedEvents++;
    // What the report states (proposal steps, follow-ups) takes effect on the day of a meeting held; an
    // announcement or a cancellation states it on the day it was published, not on the planned date.
    const date = event.status === 'HELD' ? (event.date ?? this.newsItem.publishedAt) : this.newsItem.publishedAt;
    const meetingId = event.type === 'STATEMENT' ? null : await this.findOrCreateMeeting(event, parties);
    if (meetingId) this.touchedMeetings.set(meetingId, parties);
    const proposalIds = await this.linkProposals(event, parties, date, meetingId);
    for (const followUp of event.followUps) {
      await this.addFollowUp(followUp, event, parties, date, meetingId, proposalIds);
    }
  }

  /**
   * After every event: resolve the touched proposals' histories, and hand what the item's facts may show done to the
   * batch; an item with a batch of its own closes it (writes its follow-ups and evidence, closes what is now done).
   * With a shared batch, `followUpsClosed` is counted when the batch closes.
   */
  async finish(): Promise<Counters> {
    // A proposal this item created from one reading has that reading as its history already.
    const resolve = [...this.touchedProposals].filter(([, before]) => before.existed || before.readings > 1);
    const changed = new Map(resolve.flatMap(([id, { days }]) => (days ? [[id, days] as const] : [])));
    const read = new Map(resolve.flatMap(([id, { history }]) => (history ? [[id, history] as const] : [])));
    for (const [id, { after }] of await applyProposalHistories(this.manager, resolve.map(([id]) => id), changed, read)) {
      const before = this.touchedProposals.get(id)!;
      if (before.existed && before.status !== after) this.counters.proposalsAdvanced++;
    }
    this.batch.register(
      { newsItemId: this.newsItem.id, followUpIds: this.newFollowUps, proposalIds: [...this.touchedProposals.keys()], meetings: this.touchedMeetings },
      this.counters,
    );
    if (this.ownBatch) await this.batch.close();
    return this.counters;
  }

  private async findOrCreateMeeting(event: ExtractedEvent, parties: string[]): Promise<string> {
    const reported: ReportedMeeting = {
      type: event.type,
      status: event.status,
      date: event.date,
      reportedOn: this.newsItem.publishedAt,
      locationCountryCode: this.known(event.location?.country),
      locationKey: event.location?.name ? key(event.location.name) : null,
      participantKeys: event.participants.map((p) => actorNameKey(p.name).tokens.join(' ')),
    };
    const participants = event.participants.filter((p) => p.name.trim());
    const reading = {
      status: event.status,
      date: event.date,
      dateSource: event.date ? event.dateSource : null,
      reportedOn: this.newsItem.publishedAt,
      newsItemId: this.newsItem.id,
    };
    const meeting: NewMeeting = {
      type: event.type,
      status: event.status,
      date: event.date,
      dateSource: event.date ? event.dateSource : null,
      locationName: event.location?.name ?? null,
      locationCountryCode: this.known(event.location?.country),
      sectors: [...new Set(event.sectors)] as Sector[],
      confidence: event.confidence,
      reviewStatus: 'EXTRACTED',
      parties,
    };
    // The known meeting of exactly these parties that the report describes (see matchMeeting), if any; with no
    // meeting of theirs around its dates, the new one is written by the same statement that looked.
    const found = await this.findMeeting(reported, parties, meeting, reading);
    if (typeof found === 'string') return this.created(found, event, participants);
    if (!found) return this.created(await this.meetings.create(meeting, reading), event, participants);
    this.counters.meetingsMerged++;
    await this.meetings.addReport(
      found.id,
      { sectors: event.sectors as Sector[], locationName: event.location?.name ?? null, locationCountryCode: this.known(event.location?.country) },
      reading,
    );
    await this.addParticipants(found.id, participants);
    const { before, after } = await this.meetings.applyReadings(found.id, found);
    // Due dates guessed from a horizon count from the day the meeting was held, once that is known.
    if (after.status === 'HELD' && after.date && (after.date !== before.date || before.status !== 'HELD')) {
      await this.batch.flush();
      await this.meetings.reestimateDueDates(found.id, after.date);
    }
    this.addEvidence(event.evidence, { meetingId: found.id });
    return found.id;
  }

  /** A meeting this report created: its participants (it has none yet) and evidence. */
  private async created(id: string, event: ExtractedEvent, participants: ExtractedEvent['participants']): Promise<string> {
    this.counters.meetingsCreated++;
    await this.addParticipants(id, participants, true);
    this.addEvidence(event.evidence, { meetingId: id });
    this.batch.meetingCreated(id);
    return id;
  }

  /**
   * The known meeting of exactly these parties that the report describes (see matchMeeting); null when none is; the
   * id of `meeting`, created, when no meeting of theirs is around the report's dates at all.
   */
  private async findMeeting(
    reported: ReportedMeeting,
    parties: string[],
    meeting: NewMeeting,
    reading: MeetingReadingFields,
  ): Promise<StoredMeeting | string | null> {
    const windows = candidateWindows(reported);
    if (!windows) return null; // no date and no publication date: nothing to tell two meetings apart by
    // only the candidates whose type and dates fit are read with their participants
    const found = await this.meetings.findAroundOrCreate(parties, windows.dated, windows.announced, (candidate) =>
      datesAndTypesFit(reported, candidate) !== null, meeting, reading,
    );
    if ('created' in found) return found.created;
    const { candidates } = found;
    if (!candidates.length) return null;
    const match = matchMeeting(
      reported,
      candidates.map((c) => ({ ...c, locationKey: c.locationName ? key(c.locationName) : null })),
    );
    return match ? candidates.find((c) => c.id === match.id)! : null;
  }

  /** Adds the people a report names to a meeting, each as its actor (across scripts), once per meeting. */
  private async addParticipants(meetingId: string, participants: ExtractedEvent['participants'], isNew = false): Promise<void> {
    await this.meetings.addParticipants(
      meetingId,
      participants.map((p) => ({ name: p.name, countryCode: this.known(p.country), title: p.title, organization: p.organization })),
      isNew,
    );
  }

  /**
   * Links an event's proposal mentions. They share the event's parties, sectors and date: the proposals they may
   * be about are looked up at once, one per kind, and the mentions of the kinds found stored as their readings by the
   * same statement. A mention of a kind met earlier in the event is about the same proposal (the one found, or the
   * one the earlier mention created). The new proposals, and the readings of those, are then written together.
   */
  private async linkProposals(
    event: ExtractedEvent,
    parties: string[],
    date: string | null,
    meetingId: string | null,
  ): Promise<Map<ExtractedProposal, string>> {
    const proposalIds = new Map<ExtractedProposal, string>();
    if (!event.proposals.length) return proposalIds;
    const shared = { sectors: event.sectors as Sector[], parties, statusDate: date, originMeetingId: meetingId, newsItemId: this.newsItem.id };
    // Within three years of a dated reading of it. A mention with no date cannot be placed in time, so, as a report
    // of a meeting with no date, it is never taken for a known proposal: it gives proposals of its own (taken for any
    // proposal of the kind and parties, five reports of different Iran–Russia agreements made one, with the status
    // of the last).
    const found = date
      ? await this.proposals.readMatches(
          event.proposals.map(({ kind, status }) => ({ kind, status })),
          { from: addDays(date, -PROPOSAL_WINDOW_DAYS), to: addDays(date, PROPOSAL_WINDOW_DAYS) },
          { ...shared, statusDate: date },
        )
      : new Map<ProposalKind, { id: string; status: ProposalStatus; history: HistoryRow[] }>();
    for (const { id, status, history } of found.values()) {
      const touched = this.touchedProposals.get(id);
      if (touched) {
        // (another event of this item read or created it: no one read covers both events' days, so it is read afresh)
        touched.days = touched.days && date ? { from: min(touched.days.from, date), to: max(touched.days.to, date) } : null;
        touched.history = null;
      } else this.touchedProposals.set(id, { existed: true, status, readings: 0, days: dayOf(date), history });
    }
    // (the proposals this event creates, by kind: a later mention of the kind is a reading of it)
    const createdOfKind = new Map<ProposalKind, string>();
    const created: Parameters<ProposalRepository['addMentions']>[1][number][] = [];
    const readings: { proposalId: string; status: ProposalStatus }[] = [];
    for (const proposal of event.proposals) {
      const match = found.get(proposal.kind);
      const earlier = createdOfKind.get(proposal.kind);
      let id: string;
      if (match) {
        // (its reading is stored already)
        id = match.id;
        this.touchedProposals.get(id)!.readings++;
      } else if (earlier) {
        id = earlier;
        readings.push({ proposalId: id, status: proposal.status });
        this.touchedProposals.get(id)!.readings++;
      } else {
        this.counters.proposalsCreated++;
        const description = proposal.description.trim() || proposal.kind;
        id = newId();
        created.push({
          id,
          kind: proposal.kind,
          title: description.length > 200 ? `${description.slice(0, 199)}…` : description,
          description,
          searchKey: key(description),
          status: proposal.status,
        });
        this.touchedProposals.set(id, { existed: false, status: proposal.status, readings: 1, days: dayOf(date), history: null });
        createdOfKind.set(proposal.kind, id);
      }
      this.addEvidence(proposal.evidence, { proposalId: id });
      proposalIds.set(proposal, id);
    }
    await this.proposals.addMentions(shared, created, readings);
    return proposalIds;
  }

  private async addFollowUp(
    followUp: ExtractedFollowUp,
    event: ExtractedEvent,
    parties: string[],
    date: string | null,
    meetingId: string | null,
    proposalIds: Map<ExtractedProposal, string>,
  ): Promise<void> {
    const ownerCodes = followUpOwners(followUp, parties, this.knownCountries);
    const action = followUpIntent([followUp.description, ...followUp.evidence.map((e) => e.text)]);
    const proposalId = action === 'SIGN' ? this.signingTarget(event, proposalIds) : null;
    if (meetingId) {
      const duplicate = await this.findSameFollowUp(meetingId, action, ownerCodes, followUp.description);
      if (duplicate) {
        duplicate.quotes.push(...this.addEvidence(followUp.evidence, { followUpId: duplicate.id }));
        return;
      }
    }
    const dueDate = followUp.dueDate ?? (date ? estimatedDueDate(followUp.horizon, date) : null);
    const id = newId();
    // (its evidence first: the batch keeps its quotes with it, for the next report of its meeting to compare with)
    const quotes = this.addEvidence(followUp.evidence, { followUpId: id });
    this.batch.addFollowUp({
      id,
      fields: {
        description: followUp.description.trim() || 'Follow-up',
        horizon: followUp.horizon,
        dueDate,
        dueDateEstimated: !followUp.dueDate && dueDate !== null,
        meetingId,
        proposalId,
        owners: ownerCodes,
        // a statement's follow-up keeps the statement's parties: with no meeting, they are its party set (where a
        // visit goes, who meets next)
        statedParties: meetingId ? undefined : parties,
      },
      change: { status: 'OPEN', effectiveDate: date, newsItemId: this.newsItem.id, meetingId },
    }, quotes);
    this.newFollowUps.push(id);
  }

  /** Queues the spans of this item's text backing a fact (see EvidenceRepository.add); returns the quotes kept. */
  private addEvidence(spans: readonly EvidenceSpan[], target: EvidenceTarget): string[] {
    return this.batch.evidence.add(this.newsItem, spans, target);
  }

  /** The agreement a "sign it" follow-up is about: the event's MoU, else its agreement, else any not yet signed. */
  private signingTarget(event: ExtractedEvent, proposalIds: Map<ExtractedProposal, string>): string | null {
    const preferred = ['MOU', 'AGREEMENT'];
    for (const kind of preferred) {
      const found = event.proposals.find((p) => p.kind === kind);
      if (found) return proposalIds.get(found) ?? null;
    }
    const unsigned = event.proposals.find((p) => proposalStatusRank(p.status) < SIGNED_RANK);
    return unsigned ? (proposalIds.get(unsigned) ?? null) : null;
  }

  /** A follow-up the merged meeting already has for the same action and owners (another outlet's wording). */
  private async findSameFollowUp(
    meetingId: string,
    action: string,
    owners: string[],
    description: string,
  ): Promise<{ id: string; quotes: string[] } | null> {
    const rows = await this.batch.ofMeeting(meetingId);
    return (
      rows.find((row) => {
        if (partySetKey(row.owners) !== partySetKey(owners)) return false;
        const theirs = followUpIntent([row.description, ...row.quotes]);
        return theirs === action && (action !== 'OTHER' || key(row.description) === key(description));
      }) ?? null
    );
  }

  private known(code: string | null | undefined): string | null {
    return code && this.knownCountries.has(code) ? code : null;
  }
}

/** A follow-up's owners: the countries it names, else the event's parties. */
export function followUpOwners(followUp: ExtractedFollowUp, parties: string[], knownCountries: Set<string>): string[] {
  const owners = sortedSet(followUp.owners.filter((code) => knownCountries.has(code)));
  return owners.length ? owners : parties;
}
