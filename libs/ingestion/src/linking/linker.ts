import {
  addDays, applyMeetingReadings, applyProposalHistory, estimatedDueDate, Evidence, FollowUpAction, FollowUpOwner,
  FollowUpStatusChange, Meeting, MeetingParticipant, MeetingParty, MeetingReading, Proposal, ProposalParty,
  ProposalStatusChange, proposalStatusRank, resolveActor, type NewsItem, type Sector,
} from '@dyad/domain';
import {
  actorNameKey, normalizeForSearch, type Evidence as ExtractedEvidence, type ExtractedEvent, type ExtractedFollowUp,
  type ExtractedProposal,
} from '@dyad/extraction';
import type { EntityManager } from 'typeorm';
import type { IngestOutcome } from '../news-item-input.js';
import { followUpIntent } from './follow-up-intent.js';
import { candidateWindow, matchMeeting, type MeetingCandidate, type ReportedMeeting } from './meeting-match.js';

type Counters = Omit<IngestOutcome, 'status' | 'newsItemId'>;

const key = (text: string) => normalizeForSearch(text).toLowerCase();
const partyKey = (codes: string[]) => [...new Set(codes)].sort();
const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
const PROPOSAL_WINDOW_DAYS = 3 * 366;
const SIGNED_RANK = proposalStatusRank('SIGNED');
const EVIDENCE_BATCH = 1000;

/**
 * Links the events of one news item to what is already known, inside the item's transaction:
 * meetings are merged or created (their status and date resolved from every reading), proposals found
 * again or created (their history resolved from every reading), follow-ups added, and open follow-ups
 * closed when the facts now show them done.
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
  private readonly touchedProposals = new Map<string, { existed: boolean; status: string }>();
  // What this item touched: only follow-ups these facts could close are re-examined.
  private readonly touchedMeetings = new Set<string>();
  private readonly newFollowUps: string[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly newsItem: NewsItem,
    private readonly knownCountries: Set<string>,
  ) {}

  /** Links one event; each event of an item has its own parties, date, place, participants and evidence. */
  async linkEvent(event: ExtractedEvent): Promise<void> {
    const parties = partyKey(event.countries.filter((code) => this.knownCountries.has(code)));
    if (parties.length < 2) return;
    if (!event.date) this.counters.undatedEvents++;
    // What the report states (proposal steps, follow-ups) takes effect on the day of a meeting held; an
    // announcement or a cancellation states it on the day it was published, not on the planned date.
    const date = event.status === 'HELD' ? (event.date ?? this.newsItem.publishedAt) : this.newsItem.publishedAt;
    const meeting = event.type === 'STATEMENT' ? null : await this.findOrCreateMeeting(event, parties);
    if (meeting) this.touchedMeetings.add(meeting.id);
    const proposalIds = new Map<ExtractedProposal, string>();
    for (const proposal of event.proposals) {
      proposalIds.set(proposal, await this.linkProposal(proposal, event, parties, date, meeting));
    }
    for (const followUp of event.followUps) {
      await this.addFollowUp(followUp, event, parties, date, meeting, proposalIds);
    }
  }

  /** After every event: resolve the touched proposals' histories, then close what is now done. */
  async finish(): Promise<Counters> {
    for (const [id, before] of this.touchedProposals) await this.resolveProposal(id, before);
    await this.closeDoneFollowUps();
    return this.counters;
  }

  private async findOrCreateMeeting(event: ExtractedEvent, parties: string[]): Promise<Meeting> {
    const reported: ReportedMeeting = {
      type: event.type,
      status: event.status,
      date: event.date,
      reportedOn: this.newsItem.publishedAt,
      locationCountryCode: this.known(event.location?.country),
      locationKey: event.location?.name ? key(event.location.name) : null,
      participantKeys: event.participants.map((p) => actorNameKey(p.name).tokens.join(' ')),
    };
    const existing = await this.findMeeting(reported, parties);
    const participants = event.participants.filter((p) => p.name.trim());
    if (existing) {
      this.counters.meetingsMerged++;
      await this.manager.query(
        `INSERT INTO meeting_source (meeting_id, news_item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [existing.id, this.newsItem.id],
      );
      await this.addParticipants(existing.id, participants);
      await this.manager.update(Meeting, existing.id, {
        sectors: union(existing.sectors, event.sectors) as Sector[],
        locationName: existing.locationName ?? event.location?.name ?? null,
        locationCountryCode: existing.locationCountryCode ?? this.known(event.location?.country),
        version: () => 'version + 1',
      });
      await this.addReading(existing.id, event);
      const { before, after } = await applyMeetingReadings(this.manager, existing.id);
      // Due dates guessed from a horizon count from the day the meeting was held, once that is known.
      if (after.status === 'HELD' && after.date && (after.date !== before.date || before.status !== 'HELD')) {
        await this.reestimateDueDates(existing.id, after.date);
      }
      await this.addEvidence(event.evidence, { meetingId: existing.id });
      return existing;
    }
    this.counters.meetingsCreated++;
    const meeting = await this.manager.save(
      this.manager.create(Meeting, {
        type: event.type,
        status: event.status,
        date: event.date,
        dateSource: event.date ? event.dateSource : null,
        locationName: event.location?.name ?? null,
        locationCountryCode: this.known(event.location?.country),
        sectors: [...new Set(event.sectors)],
        confidence: event.confidence,
        reviewStatus: 'EXTRACTED',
        parties: parties.map((countryCode) => this.manager.create(MeetingParty, { countryCode })),
      }),
    );
    await this.manager.query(`INSERT INTO meeting_source (meeting_id, news_item_id) VALUES ($1, $2)`, [meeting.id, this.newsItem.id]);
    await this.addReading(meeting.id, event);
    await this.addParticipants(meeting.id, participants);
    await this.addEvidence(event.evidence, { meetingId: meeting.id });
    return meeting;
  }

  /** This report's reading of the meeting: held, scheduled or cancelled, on which day, said when. */
  private async addReading(meetingId: string, event: ExtractedEvent): Promise<void> {
    await this.manager.insert(MeetingReading, {
      meetingId,
      status: event.status,
      date: event.date,
      dateSource: event.date ? event.dateSource : null,
      reportedOn: this.newsItem.publishedAt,
      newsItemId: this.newsItem.id,
    });
  }

  private async reestimateDueDates(meetingId: string, date: string): Promise<void> {
    const estimated = await this.manager.find(FollowUpAction, { where: { meetingId, dueDateEstimated: true } });
    for (const followUp of estimated) {
      await this.manager.update(FollowUpAction, followUp.id, { dueDate: estimatedDueDate(followUp.horizon, date) });
    }
  }

  /** The known meeting of exactly these parties that the report describes (see matchMeeting), if any. */
  private async findMeeting(reported: ReportedMeeting, parties: string[]): Promise<Meeting | null> {
    const window = candidateWindow(reported);
    if (!window) return null; // no date and no publication date: nothing to tell two meetings apart by
    const rows: {
      id: string;
      type: string;
      status: MeetingCandidate['status'];
      date: string | null;
      announced_on: string | null;
      location_country_code: string | null;
      location_name: string | null;
    }[] = await this.manager.query(
      `SELECT m.id, m.type, m.status, m.date::text AS date, m.location_country_code, m.location_name,
              CASE WHEN m.date IS NULL THEN (SELECT min(r.reported_on)::text FROM meeting_reading r WHERE r.meeting_id = m.id) END AS announced_on
       FROM meeting m
       WHERE m.review_status <> 'REJECTED'
         AND (m.date BETWEEN $1 AND $2
              OR (m.date IS NULL AND m.status <> 'HELD'
                  AND EXISTS (SELECT 1 FROM meeting_reading r WHERE r.meeting_id = m.id AND r.reported_on BETWEEN $1 AND $2)))
         AND m.id IN (SELECT meeting_id FROM meeting_party GROUP BY meeting_id
                      HAVING array_agg(country_code::text ORDER BY country_code) = $3::text[])`,
      [window.from, window.to, parties],
    );
    if (!rows.length) return null;
    const people: { meeting_id: string; match_key: string }[] = await this.manager.query(
      `SELECT mp.meeting_id, a.match_key FROM meeting_participant mp JOIN actor a ON a.id = mp.actor_id WHERE mp.meeting_id = ANY($1)`,
      [rows.map((row) => row.id)],
    );
    const candidates: MeetingCandidate[] = rows.map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      date: row.date,
      announcedOn: row.announced_on,
      locationCountryCode: row.location_country_code?.trim() ?? null,
      locationKey: row.location_name ? key(row.location_name) : null,
      participantKeys: people.filter((p) => p.meeting_id === row.id).map((p) => p.match_key),
    }));
    const match = matchMeeting(reported, candidates);
    return match ? this.manager.findOneByOrFail(Meeting, { id: match.id }) : null;
  }

  /** Adds the people a report names to a meeting, each as its actor (across scripts), once per meeting. */
  private async addParticipants(meetingId: string, participants: ExtractedEvent['participants']): Promise<void> {
    const present = new Set<string>(
      (await this.manager.query(`SELECT actor_id FROM meeting_participant WHERE meeting_id = $1`, [meetingId])).map(
        (row: { actor_id: string }) => row.actor_id,
      ),
    );
    for (const participant of participants) {
      const actorId = await resolveActor(this.manager, { name: participant.name, country: this.known(participant.country) });
      if (present.has(actorId)) continue;
      present.add(actorId);
      await this.manager.insert(MeetingParticipant, {
        meetingId,
        actorId,
        name: participant.name.trim(),
        title: participant.title,
        organization: participant.organization,
        role: null,
      });
    }
  }

  private async linkProposal(
    proposal: ExtractedProposal,
    event: ExtractedEvent,
    parties: string[],
    date: string | null,
    meeting: Meeting | null,
  ): Promise<string> {
    // Within three years of a reading of it; a mention with no date, or a proposal known only from
    // undated mentions, cannot be placed in time, so the window does not apply to them.
    const candidates: { id: string; sectors: string; status: string }[] = await this.manager.query(
      `SELECT p.id, p.sectors::text AS sectors, p.status FROM proposal p
       WHERE p.kind = $1
         AND p.id IN (SELECT proposal_id FROM proposal_party GROUP BY proposal_id
                      HAVING array_agg(country_code::text ORDER BY country_code) = $2::text[])
         AND ($3::date IS NULL OR EXISTS (SELECT 1 FROM proposal_status_change c WHERE c.proposal_id = p.id
                                          AND (c.effective_date IS NULL OR c.effective_date BETWEEN $3 AND $4)))
       ORDER BY p.status_date DESC NULLS LAST, p.id`,
      [proposal.kind, parties, date && addDays(date, -PROPOSAL_WINDOW_DAYS), date && addDays(date, PROPOSAL_WINDOW_DAYS)],
    );
    const sectors = new Set<string>(event.sectors);
    const match = candidates.find((candidate) => {
      const theirs = candidate.sectors.replace(/[{}]/g, '').split(',').filter(Boolean);
      return theirs.length === 0 || sectors.size === 0 || theirs.some((sector) => sectors.has(sector));
    });
    let id: string;
    if (match) {
      id = match.id;
      const current = await this.manager.findOneByOrFail(Proposal, { id });
      await this.manager.update(Proposal, id, { sectors: union(current.sectors, event.sectors) as Sector[] });
      if (!this.touchedProposals.has(id)) this.touchedProposals.set(id, { existed: true, status: match.status });
    } else {
      this.counters.proposalsCreated++;
      const description = proposal.description.trim() || proposal.kind;
      const created = await this.manager.save(
        this.manager.create(Proposal, {
          kind: proposal.kind,
          title: description.length > 200 ? `${description.slice(0, 199)}…` : description,
          description,
          searchKey: key(description),
          sectors: [...new Set(event.sectors)],
          status: proposal.status,
          statusDate: date,
          originMeetingId: meeting?.id ?? null,
          parties: parties.map((countryCode) => this.manager.create(ProposalParty, { countryCode })),
        }),
      );
      id = created.id;
      this.touchedProposals.set(id, { existed: false, status: proposal.status });
    }
    await this.manager.insert(ProposalStatusChange, {
      proposalId: id,
      status: proposal.status,
      effectiveDate: date,
      newsItemId: this.newsItem.id,
      meetingId: meeting?.id ?? null,
      accepted: false,
      note: null,
    });
    await this.addEvidence(proposal.evidence, { proposalId: id });
    return id;
  }

  private async resolveProposal(id: string, before: { existed: boolean; status: string }): Promise<void> {
    const { after } = await applyProposalHistory(this.manager, id);
    if (before.existed && before.status !== after) this.counters.proposalsAdvanced++;
  }

  private async addFollowUp(
    followUp: ExtractedFollowUp,
    event: ExtractedEvent,
    parties: string[],
    date: string | null,
    meeting: Meeting | null,
    proposalIds: Map<ExtractedProposal, string>,
  ): Promise<void> {
    const owners = partyKey(followUp.owners.filter((code) => this.knownCountries.has(code)));
    const ownerCodes = owners.length ? owners : parties;
    const action = followUpIntent([followUp.description, ...followUp.evidence.map((e) => e.text)]);
    const proposalId = action === 'SIGN' ? this.signingTarget(event, proposalIds) : null;
    if (meeting) {
      const duplicate = await this.findSameFollowUp(meeting.id, action, ownerCodes, followUp.description);
      if (duplicate) {
        await this.addEvidence(followUp.evidence, { followUpId: duplicate });
        return;
      }
    }
    const dueDate = followUp.dueDate ?? (date ? estimatedDueDate(followUp.horizon, date) : null);
    const created = await this.manager.save(
      this.manager.create(FollowUpAction, {
        description: followUp.description.trim() || 'Follow-up',
        horizon: followUp.horizon,
        dueDate,
        dueDateEstimated: !followUp.dueDate && dueDate !== null,
        status: 'OPEN',
        meetingId: meeting?.id ?? null,
        proposalId,
        owners: ownerCodes.map((countryCode) => this.manager.create(FollowUpOwner, { countryCode })),
      }),
    );
    this.newFollowUps.push(created.id);
    await this.manager.insert(FollowUpStatusChange, {
      followUpId: created.id,
      status: 'OPEN',
      effectiveDate: date,
      newsItemId: this.newsItem.id,
      meetingId: meeting?.id ?? null,
      note: null,
    });
    await this.addEvidence(followUp.evidence, { followUpId: created.id });
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
  private async findSameFollowUp(meetingId: string, action: string, owners: string[], description: string): Promise<string | null> {
    const rows: { id: string; description: string; owners: string[] }[] = await this.manager.query(
      `SELECT f.id, f.description, array_agg(o.country_code::text ORDER BY o.country_code) AS owners
       FROM follow_up_action f JOIN follow_up_owner o ON o.follow_up_id = f.id
       WHERE f.meeting_id = $1 GROUP BY f.id`,
      [meetingId],
    );
    const quotes: { follow_up_id: string; quote: string }[] = await this.manager.query(
      `SELECT follow_up_id, quote FROM evidence WHERE follow_up_id = ANY($1)`,
      [rows.map((row) => row.id)],
    );
    const found = rows.find((row) => {
      if (row.owners.join() !== owners.join()) return false;
      const theirs = followUpIntent([row.description, ...quotes.filter((q) => q.follow_up_id === row.id).map((q) => q.quote)]);
      return theirs === action && (action !== 'OTHER' || key(row.description) === key(description));
    });
    return found?.id ?? null;
  }

  /**
   * Closes open follow-ups that the known facts show done: a signing follow-up once its agreement is
   * signed, a visit once a meeting of the owners takes place in the country to visit, a next meeting
   * once the parties meet again. The earliest such fact closes it, so ingestion order does not matter.
   */
  private async closeDoneFollowUps(): Promise<void> {
    // Candidates: follow-ups this item added (the closing fact may be older), signing follow-ups of the
    // proposals it read, and those whose owners all took part in a meeting it reported (a visit or a
    // next meeting that may now have happened). Not every open follow-up of the countries involved.
    // A follow-up counts from the day its meeting was held, else from the day the report that stated it
    // was published; one with neither cannot be shown done by a later fact and stays open.
    const open: { id: string; description: string; proposal_id: string | null; meeting_id: string | null; origin_date: string; owners: string[]; parties: string[] }[] =
      await this.manager.query(
        `SELECT * FROM (
           SELECT f.id, f.description, f.proposal_id, f.meeting_id,
             CASE WHEN m.status = 'HELD' AND m.date IS NOT NULL THEN m.date::text
                  ELSE (SELECT min(c.effective_date)::text FROM follow_up_status_change c WHERE c.follow_up_id = f.id AND c.status = 'OPEN')
             END AS origin_date,
           (SELECT array_agg(country_code::text ORDER BY country_code) FROM follow_up_owner WHERE follow_up_id = f.id) AS owners,
           (SELECT array_agg(country_code::text ORDER BY country_code) FROM meeting_party WHERE meeting_id = f.meeting_id) AS parties
         FROM follow_up_action f JOIN meeting m ON m.id = f.meeting_id
         WHERE f.status IN ('OPEN', 'IN_PROGRESS')
           AND (f.id = ANY($1::uuid[]) OR f.proposal_id = ANY($2::uuid[])
                OR EXISTS (SELECT 1 FROM unnest($3::uuid[]) AS touched(meeting_id)
                           WHERE NOT EXISTS (SELECT 1 FROM follow_up_owner o WHERE o.follow_up_id = f.id
                             AND NOT EXISTS (SELECT 1 FROM meeting_party p
                                             WHERE p.meeting_id = touched.meeting_id AND p.country_code = o.country_code))))
         ) candidate WHERE origin_date IS NOT NULL`,
        [this.newFollowUps, [...this.touchedProposals.keys()], [...this.touchedMeetings]],
      );
    if (!open.length) return;
    const quotes: { follow_up_id: string; quote: string }[] = await this.manager.query(
      `SELECT follow_up_id, quote FROM evidence WHERE follow_up_id = ANY($1)`,
      [open.map((row) => row.id)],
    );
    for (const followUp of open) {
      const action = followUpIntent([
        followUp.description,
        ...quotes.filter((q) => q.follow_up_id === followUp.id).map((q) => q.quote),
      ]);
      const closing = await this.closingFact(action, followUp);
      if (!closing) continue;
      this.counters.followUpsClosed++;
      await this.manager.update(FollowUpAction, followUp.id, { status: 'DONE', version: () => 'version + 1' });
      await this.manager.insert(FollowUpStatusChange, {
        followUpId: followUp.id,
        status: 'DONE',
        effectiveDate: closing.date,
        newsItemId: closing.newsItemId,
        meetingId: closing.meetingId,
        note: closing.note,
      });
    }
  }

  private async closingFact(
    action: string,
    followUp: { proposal_id: string | null; origin_date: string; owners: string[]; parties: string[] },
  ): Promise<{ date: string | null; newsItemId: string | null; meetingId: string | null; note: string } | null> {
    if (action === 'SIGN' && followUp.proposal_id) {
      // A signing reported with no date still shows the agreement signed (that follow-up's date stays unknown).
      const [signed] = await this.manager.query(
        `SELECT effective_date::text AS date, news_item_id, meeting_id FROM proposal_status_change
         WHERE proposal_id = $1 AND accepted AND status IN ('SIGNED', 'IMPLEMENTING', 'COMPLETED')
           AND (effective_date >= $2 OR effective_date IS NULL)
         ORDER BY effective_date NULLS LAST, recorded_at LIMIT 1`,
        [followUp.proposal_id, followUp.origin_date],
      );
      return signed
        ? { date: signed.date, newsItemId: signed.news_item_id, meetingId: signed.meeting_id, note: 'closed automatically: the agreement was signed' }
        : null;
    }
    if (action === 'VISIT' || action === 'MEET') {
      // A visit goes to the parties that do not own it; a next meeting may be anywhere. Only a meeting held
      // shows it done (an announced one does not yet); its source is the first report of it taking place.
      const destinations = action === 'VISIT' ? followUp.parties.filter((code) => !followUp.owners.includes(code)) : null;
      if (destinations && destinations.length === 0) return null;
      const [met] = await this.manager.query(
        `SELECT m.id, m.date::text AS date,
           (SELECT r.news_item_id FROM meeting_reading r WHERE r.meeting_id = m.id AND r.status = 'HELD' AND r.news_item_id IS NOT NULL
            ORDER BY r.date NULLS LAST, r.reported_on NULLS LAST, r.news_item_id LIMIT 1) AS news_item_id
         FROM meeting m
         WHERE m.status = 'HELD' AND m.date > $1 AND m.review_status <> 'REJECTED' AND m.type IN ('MEETING', 'VISIT', 'SIGNING')
           AND ($2::char(2)[] IS NULL OR m.location_country_code = ANY($2::char(2)[]))
           AND m.id IN (SELECT meeting_id FROM meeting_party WHERE country_code = ANY($3::char(2)[])
                        GROUP BY meeting_id HAVING count(*) = cardinality($3::char(2)[]))
         ORDER BY m.date, m.id LIMIT 1`,
        [followUp.origin_date, destinations, action === 'VISIT' ? followUp.owners : followUp.parties],
      );
      return met
        ? {
            date: met.date,
            newsItemId: met.news_item_id,
            meetingId: met.id,
            note: action === 'VISIT' ? 'closed automatically: the visit took place' : 'closed automatically: the parties met again',
          }
        : null;
    }
    return null;
  }

  private async addEvidence(
    spans: ExtractedEvidence[],
    subject: { meetingId?: string; proposalId?: string; followUpId?: string },
  ): Promise<void> {
    const valid = spans.filter((span) => span.end > span.start && this.newsItem.body.slice(span.start, span.end) === span.text);
    // In batches: one INSERT may bind at most 65,535 parameters, and a long text can give thousands of spans.
    for (let i = 0; i < valid.length; i += EVIDENCE_BATCH) {
      await this.manager.insert(
        Evidence,
        valid.slice(i, i + EVIDENCE_BATCH).map((span) => ({ newsItemId: this.newsItem.id, start: span.start, end: span.end, quote: span.text, ...subject })),
      );
    }
  }

  private known(code: string | null | undefined): string | null {
    return code && this.knownCountries.has(code) ? code : null;
  }
}
