import type { EntityManager } from 'typeorm';
import { readingOrder, resolveProposalHistory } from '../lifecycle/proposal-lifecycle.js';
import { groupBy } from '../shared/group-by.js';
import { preparedQuery } from '../shared/prepared-query.js';
import type { ProposalStatus } from '../shared/vocabulary.js';

/** One row of a proposal's history as read: the proposal as stored, with one of its readings (none: id null). */
export interface HistoryRow {
  proposal_id: string;
  id: string | null;
  status: ProposalStatus;
  effective_date: string | null;
  meeting_id: string | null;
  api_key_id: string | null;
  recorded_at: string;
  accepted: boolean;
  proposal_status: ProposalStatus;
  proposal_date: string | null;
  origin_meeting_id: string | null;
}

/**
 * Re-derives a proposal's history and current status from every reading of it (reports and analysts),
 * marks which readings form the history, and stores the result: one read and one write. Returns the status
 * before and after. The proposal's row (and its version) changes only when its status, its date or its origin
 * meeting does: a report that repeats what is known adds a reading, and an analyst's edit made meanwhile still
 * applies (an analyst's own edit moves the version itself: ProposalService.setStatusIn).
 */
export async function applyProposalHistory(
  manager: EntityManager,
  proposalId: string,
): Promise<{ before: ProposalStatus; after: ProposalStatus }> {
  const changes = await applyProposalHistories(manager, [proposalId]);
  return changes.get(proposalId)!;
}

/** The days of a proposal's new readings (an ingested item's, all dated): the first and the last. */
export interface NewReadingDays {
  from: string;
  to: string;
}

type Reading = ReturnType<typeof toReading>;

const toReading = (row: Omit<HistoryRow, 'proposal_status' | 'proposal_date' | 'origin_meeting_id'>) => ({
  id: row.id!, status: row.status, effectiveDate: row.effective_date, meetingId: row.meeting_id, accepted: row.accepted,
  byAnalyst: row.api_key_id !== null, recordedAt: new Date(row.recorded_at),
});

// a reading's columns, as toReading takes them
const READING_COLUMNS = `c.id, c.status, c.effective_date::text AS effective_date, c.meeting_id, c.api_key_id, c.recorded_at, c.accepted`;

/** A HistoryRow's columns, from proposal `p` and reading `c`. */
export const HISTORY_COLUMNS = `p.id AS proposal_id, ${READING_COLUMNS}, p.status AS proposal_status, p.status_date::text AS proposal_date, p.origin_meeting_id`;

/**
 * The readings of proposal `p` that a resolution from the days [from, to] reads (see applyProposalHistories), as a
 * subquery to join laterally: every one when `from` is null, else those of the days and the accepted ones outside
 * them. (Each part an index range: the accepted ones outside the days from the index of accepted readings alone.)
 */
export const historyReadings = (from: string, to: string) => `(
  SELECT c.* FROM proposal_status_change c WHERE c.proposal_id = p.id AND ${from} IS NULL
  UNION ALL
  SELECT c.* FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.effective_date BETWEEN ${from} AND ${to}
  UNION ALL
  SELECT c.* FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.accepted AND ${from} IS NOT NULL
    AND (c.effective_date IS NULL OR c.effective_date < ${from} OR c.effective_date > ${to})
)`;

/**
 * applyProposalHistory for several proposals at once: one read and at most one write for all of them.
 *
 * `changed`: for a proposal whose only new readings are dated (an ingested item's), their first and last days. Then
 * only the readings of those days and between them are resolved again, not every reading of the proposal (at
 * 1,000,000 meetings, the bench's own proposals gathered hundreds of readings each, all read at each report):
 * - readings are resolved in date order, so those before the first day keep the marks the resolution before gave
 *   them, and the history's (accepted) readings among them give the status it stands at on that day;
 * - whether a later reading is taken depends only on the status it finds. If, after the last day, the status is
 *   the one the stored marks give there, the later readings keep their marks, and the last accepted one stays
 *   current. Otherwise (a new reading moved the history on that day) the later readings are read and resolved too.
 * The new readings are stored unaccepted (ProposalRepository.addMentions), so the stored marks are those of the
 * history before them. Without days, every reading is read (an analyst's edit; a reading with no date comes first).
 *
 * `read`: the rows of proposals whose history is already read, as this reads it, and current (see
 * ProposalRepository.readMatches, which reads it with the new readings); they are not read again.
 */
export async function applyProposalHistories(
  manager: EntityManager,
  proposalIds: readonly string[],
  changed: ReadonlyMap<string, NewReadingDays> = new Map(),
  read: ReadonlyMap<string, readonly HistoryRow[]> = new Map(),
): Promise<Map<string, { before: ProposalStatus; after: ProposalStatus }>> {
  const result = new Map<string, { before: ProposalStatus; after: ProposalStatus }>();
  if (!proposalIds.length) return result;
  const ids = [...new Set(proposalIds)];
  // every reading, or the accepted ones and those of the new readings' days (those `read` already: as read)
  const unread = ids.filter((id) => !read.has(id));
  const rows = ids.flatMap((id) => read.get(id) ?? []);
  if (unread.length) {
    rows.push(...await preparedQuery<HistoryRow>(
      manager,
      `SELECT ${HISTORY_COLUMNS}
       FROM unnest($1::uuid[], $2::date[], $3::date[]) AS q(id, from_date, to_date) JOIN proposal p ON p.id = q.id
       LEFT JOIN LATERAL ${historyReadings('q.from_date', 'q.to_date')} c ON true`,
      [unread, unread.map((id) => changed.get(id)?.from ?? null), unread.map((id) => changed.get(id)?.to ?? null)],
    ));
  }
  const byProposal = groupBy(ids, rows, (row) => row.proposal_id);
  // each proposal as stored, the readings read (whose marks may change), the history and its current reading
  const resolved = new Map<string, { proposal: HistoryRow; loaded: Reading[]; accepted: Reading[]; current: Reading | null }>();
  // the last day of the proposals whose history those days moved: their later readings are read too
  const diverged = new Map<string, string>();
  for (const [i, id] of ids.entries()) {
    const own = byProposal[i];
    if (!own.length) throw new Error(`proposal ${id} not found`);
    const proposal = own[0];
    const readings = own.filter((row) => row.id !== null).map(toReading);
    const days = changed.get(id);
    if (!days) {
      resolved.set(id, { proposal, loaded: readings, ...resolveProposalHistory(readings) });
      continue;
    }
    // (undated readings come first; of those outside the days, only the accepted ones were read)
    const earlier = readings.filter((r) => r.effectiveDate === null || r.effectiveDate < days.from).sort(readingOrder);
    const later = readings.filter((r) => r.effectiveDate !== null && r.effectiveDate > days.to).sort(readingOrder);
    const window = readings.filter((r) => r.effectiveDate !== null && r.effectiveDate >= days.from && r.effectiveDate <= days.to);
    const { accepted, current } = resolveProposalHistory(window, earlier.at(-1) ?? null);
    // where the stored marks leave the history after the last day (the new readings are not marked)
    const stored = window.filter((r) => r.accepted).sort(readingOrder).at(-1) ?? earlier.at(-1) ?? null;
    if (current?.status === stored?.status) {
      resolved.set(id, { proposal, loaded: window, accepted: [...earlier, ...accepted, ...later], current: later.at(-1) ?? current });
    } else {
      resolved.set(id, { proposal, loaded: window, accepted: [...earlier, ...accepted], current });
      diverged.set(id, days.to);
    }
  }
  if (diverged.size) {
    // the readings after the last day of the proposals whose history those days moved, resolved from there
    const divergedIds = [...diverged.keys()];
    const rest = groupBy(
      divergedIds,
      await preparedQuery<Parameters<typeof toReading>[0] & Pick<HistoryRow, 'proposal_id'>>(
        manager,
        `SELECT c.proposal_id, ${READING_COLUMNS}
         FROM unnest($1::uuid[], $2::date[]) AS q(id, to_date) JOIN proposal_status_change c ON c.proposal_id = q.id AND c.effective_date > q.to_date`,
        [divergedIds, [...diverged.values()]],
      ),
      (row) => row.proposal_id,
    );
    for (const [i, id] of divergedIds.entries()) {
      const readings = rest[i].map(toReading);
      const entry = resolved.get(id)!;
      const after = resolveProposalHistory(readings, entry.current);
      entry.loaded.push(...readings);
      entry.accepted.push(...after.accepted);
      entry.current = after.current;
    }
  }
  const flipped: string[] = [];
  const updates = { ids: [] as string[], statuses: [] as ProposalStatus[], dates: [] as (string | null)[], origins: [] as (string | null)[] };
  for (const [id, { proposal, loaded, accepted, current }] of resolved) {
    const before = proposal.proposal_status;
    const acceptedIds = new Set(accepted.map((reading) => reading.id));
    // Only the readings whose mark changes are written, and the proposal itself.
    flipped.push(...loaded.filter((reading) => reading.accepted !== acceptedIds.has(reading.id)).map((reading) => reading.id));
    const origin = accepted.find((reading) => reading.meetingId)?.meetingId ?? proposal.origin_meeting_id;
    if (current && (current.status !== before || current.effectiveDate !== proposal.proposal_date || origin !== proposal.origin_meeting_id)) {
      updates.ids.push(id);
      updates.statuses.push(current.status);
      updates.dates.push(current.effectiveDate);
      updates.origins.push(origin);
    }
    result.set(id, { before, after: current?.status ?? before });
  }
  if (updates.ids.length) {
    await preparedQuery(
      manager,
      `WITH marks AS (UPDATE proposal_status_change SET accepted = NOT accepted WHERE id = ANY($5::uuid[]))
       UPDATE proposal p SET status = v.status, status_date = v.date, origin_meeting_id = v.origin, version = p.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::proposal_status[], $3::date[], $4::uuid[]) AS v(id, status, date, origin) WHERE p.id = v.id`,
      [updates.ids, updates.statuses, updates.dates, updates.origins, flipped],
    );
  } else if (flipped.length) {
    await preparedQuery(manager, `UPDATE proposal_status_change SET accepted = NOT accepted WHERE id = ANY($1)`, [flipped]);
  }
  return result;
}
