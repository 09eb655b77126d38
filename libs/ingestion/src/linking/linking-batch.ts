import { EvidenceRepository, FollowUpRepository, type ClosedFollowUp, type DoneTest, type OpenFollowUp } from '@dyad/domain';
import type { EntityManager } from 'typeorm';
import { followUpIntent } from './follow-up-intent.js';

type NewFollowUp = Parameters<FollowUpRepository['createMany']>[0][number];

/** A follow-up of a meeting as linking compares new ones with it: its owners (sorted) and quotes. */
export interface MeetingFollowUp {
  id: string;
  description: string;
  owners: string[];
  quotes: string[];
}

/** What one item's facts may show done: the follow-ups it added, the proposals it read, the meetings it reported. */
export interface ClosingCandidates {
  newsItemId: string;
  followUpIds: readonly string[];
  proposalIds: readonly string[];
  /** Each meeting with its parties. */
  meetings: ReadonlyMap<string, readonly string[]>;
}

/**
 * What the items linked in one transaction share: their follow-ups and evidence, written together, and one closing
 * pass over all of them. Follow-ups and evidence are written in one statement when something is about to read them
 * (a meeting's due dates re-estimated) or at `close`; linking compares a new follow-up with those of its meeting
 * through `ofMeeting`, which holds the ones not yet written too. At `close`, the open follow-ups the items'
 * facts may show done are examined once, over every item's candidates, after every fact is written: statement
 * triggers on follow-ups and evidence fire once for the batch rather than once per item.
 *
 * That gives what a pass after each item gives. The earliest fact closes a follow-up, whichever item brought it
 * (FollowUpRepository.closeWhereDone), and a follow-up is a candidate of the item that added it and of each item
 * whose fact could show it done, so a follow-up one item's pass would close is in the union; one that each item's
 * pass saw before its fact was written is seen again here after it. Each closing is credited to the item whose
 * pass would have closed it: the later of the item that added it and the item that reported its fact.
 *
 * A batch of one item (the Linker's own, by default) is what an item stored alone or in a savepoint uses.
 */
export class LinkingBatch {
  readonly evidence: EvidenceRepository;
  // The follow-ups of each meeting the items touched, as read once and then added to (written or not).
  private readonly meetingFollowUps = new Map<string, MeetingFollowUp[]>();
  private readonly followUps: FollowUpRepository;
  private pending: NewFollowUp[] = [];
  private readonly items: { candidates: ClosingCandidates; counters: { followUpsClosed: number } }[] = [];

  constructor(manager: EntityManager) {
    this.evidence = new EvidenceRepository(manager);
    this.followUps = new FollowUpRepository(manager);
  }

  /** A meeting created by one of the items: it has no follow-ups but those the items add. */
  meetingCreated(meetingId: string): void {
    this.meetingFollowUps.set(meetingId, []);
  }

  /**
   * Queues a follow-up (its id chosen by the caller), written at the next `flush`; with its quotes, it is one of its
   * meeting's follow-ups from now on (see ofMeeting).
   */
  addFollowUp(row: NewFollowUp, quotes: string[]): void {
    this.pending.push(row);
    const { id, fields } = row;
    if (fields.meetingId) this.meetingFollowUps.get(fields.meetingId)?.push({ id, description: fields.description, owners: fields.owners, quotes });
  }

  /** The follow-ups of a meeting linking compares new ones with: read once, then kept with the ones added. */
  async ofMeeting(meetingId: string): Promise<MeetingFollowUp[]> {
    let rows = this.meetingFollowUps.get(meetingId);
    if (!rows) this.meetingFollowUps.set(meetingId, (rows = await this.followUps.ofMeeting(meetingId)));
    return rows;
  }

  /**
   * Writes the follow-ups queued so far, in one statement (their evidence refers to them); `withEvidence`: the
   * evidence gathered so far too, by the same statement when there are follow-ups to write.
   */
  async flush(withEvidence = false): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (rows.length) await this.followUps.createMany(rows, withEvidence ? this.evidence.take() : null);
    else if (withEvidence) await this.evidence.flush();
  }

  /** An item linked: its candidates are examined at `close`, which adds the follow-ups closed for it to `counters`. */
  register(candidates: ClosingCandidates, counters: { followUpsClosed: number }): void {
    this.items.push({ candidates, counters });
  }

  /**
   * Writes what is queued, then closes the open follow-ups that the known facts show done: a signing follow-up once
   * its agreement is signed, a visit once a meeting of the owners takes place in the country to visit, a next meeting
   * once the parties meet again. The earliest such fact closes it, so ingestion order does not matter.
   */
  async close(): Promise<void> {
    await this.flush(true);
    if (!this.items.length) return;
    // Candidates: follow-ups the items added (the closing fact may be older), signing follow-ups of the proposals
    // they read, and, for each meeting they reported that is now held in person, the open follow-ups of owners who
    // all took part in it (a visit or a next meeting that may now have happened). Those are looked up by their exact
    // owner set, and only back to the parties' previous meeting held in person (there, at a visit's place): one that
    // counts from before that meeting was already shown done by it. A follow-up counts from the day its meeting was
    // held, else from the day the report that stated it was published; one with neither cannot be shown done by a
    // later fact and stays open. (One lookup for all of them.)
    const meetings = new Map<string, readonly string[]>();
    for (const { candidates } of this.items) for (const [id, parties] of candidates.meetings) meetings.set(id, parties);
    const open = await this.followUps.openCandidates({
      ids: [...new Set(this.items.flatMap(({ candidates }) => candidates.followUpIds))],
      proposalIds: [...new Set(this.items.flatMap(({ candidates }) => candidates.proposalIds))],
      meetings: [...meetings].map(([id, parties]) => ({ id, parties })),
    });
    // (the facts that would show each done are read and the follow-ups closed in one statement)
    const tests = open.flatMap((followUp) => doneTest(followUpIntent([followUp.description, ...followUp.quotes]), followUp) ?? []);
    const proposalOf = new Map(tests.map((test) => [test.id, 'proposalId' in test ? test.proposalId : null]));
    for (const closed of await this.followUps.closeWhereDone(tests)) this.items[this.creditedItem(closed, proposalOf.get(closed.id) ?? null)].counters.followUpsClosed++;
  }

  /**
   * The item whose own pass would have closed a follow-up: the later of the item that added it and the item that
   * reported its fact, where those are in this batch; else the first whose facts were candidates (its meeting, its
   * agreement); else the first.
   */
  private creditedItem(closed: ClosedFollowUp, proposalId: string | null): number {
    const index = (test: (candidates: ClosingCandidates) => boolean) => this.items.findIndex(({ candidates }) => test(candidates));
    const later = Math.max(
      index((c) => c.followUpIds.includes(closed.id)),
      closed.newsItemId ? index((c) => c.newsItemId === closed.newsItemId) : -1,
    );
    if (later >= 0) return later;
    const touched = index((c) => (closed.meetingId !== null && c.meetings.has(closed.meetingId)) || (proposalId !== null && c.proposalIds.includes(proposalId)));
    return Math.max(touched, 0);
  }
}

/**
 * What would show an open follow-up done, by what it asks for: a signing follow-up, its agreement signed; a visit,
 * a meeting of its owners held in a country it goes to (the parties that do not own it); a next meeting, a meeting
 * of its parties held anywhere. Only a meeting held shows it done (an announced one does not yet). A statement's
 * follow-up has no meeting: its parties are its agreement's, else the statement's (follow-ups stored before those
 * were kept: its owners, where one country alone names no next meeting, and no place to visit).
 */
function doneTest(action: string, followUp: OpenFollowUp): DoneTest | null {
  const from = followUp.originDate;
  if (action === 'SIGN') {
    return followUp.proposalId ? { id: followUp.id, from, proposalId: followUp.proposalId, note: 'closed automatically: the agreement was signed' } : null;
  }
  if (action === 'VISIT') {
    const places = followUp.parties.filter((code) => !followUp.owners.includes(code));
    return places.length ? { id: followUp.id, from, parties: followUp.owners, places, note: 'closed automatically: the visit took place' } : null;
  }
  if (action === 'MEET') {
    return followUp.parties.length >= 2 ? { id: followUp.id, from, parties: followUp.parties, places: null, note: 'closed automatically: the parties met again' } : null;
  }
  return null;
}
