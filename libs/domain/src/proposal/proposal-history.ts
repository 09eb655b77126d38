import type { EntityManager } from 'typeorm';
import { readingOrder, resolveProposalHistory } from '../lifecycle/proposal-lifecycle.js';
import { preparedQuery } from '../shared/prepared-query.js';
import type { ProposalStatus } from '../shared/vocabulary.js';

interface ReadingRow {
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

const toReading = (row: ReadingRow) => ({
  id: row.id!, status: row.status, effectiveDate: row.effective_date, meetingId: row.meeting_id, accepted: row.accepted,
  byAnalyst: row.api_key_id !== null, recordedAt: new Date(row.recorded_at),
});

const READINGS = `SELECT p.id AS proposal_id, c.id, c.status, c.effective_date::text AS effective_date, c.meeting_id, c.api_key_id, c.recorded_at,
            c.accepted, p.status AS proposal_status, p.status_date::text AS proposal_date, p.origin_meeting_id`;

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
 */
export async function applyProposalHistories(
  manager: EntityManager,
  proposalIds: readonly string[],
  changed: ReadonlyMap<string, NewReadingDays> = new Map(),
): Promise<Map<string, { before: ProposalStatus; after: ProposalStatus }>> {
  const result = new Map<string, { before: ProposalStatus; after: ProposalStatus }>();
  if (!proposalIds.length) return result;
  const ids = [...new Set(proposalIds)];
  // every reading, or the accepted ones and those of the new readings' days
  const rows = await preparedQuery<ReadingRow>(
    manager,
    `${READINGS}
     FROM unnest($1::uuid[], $2::date[], $3::date[]) AS q(id, from_date, to_date) JOIN proposal p ON p.id = q.id
     -- (each part an index range: the accepted ones outside the days from the index of accepted readings alone)
     LEFT JOIN LATERAL (
       SELECT c.* FROM proposal_status_change c WHERE c.proposal_id = p.id AND q.from_date IS NULL
       UNION ALL
       SELECT c.* FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.effective_date BETWEEN q.from_date AND q.to_date
       UNION ALL
       SELECT c.* FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.accepted AND q.from_date IS NOT NULL
         AND (c.effective_date IS NULL OR c.effective_date < q.from_date OR c.effective_date > q.to_date)
     ) c ON true`,
    [ids, ids.map((id) => changed.get(id)?.from ?? null), ids.map((id) => changed.get(id)?.to ?? null)],
  );
  const byProposal = groupBy(rows);
  const resolved = new Map<string, { own: ReadingRow[]; loaded: Reading[]; accepted: Reading[]; current: Reading | null }>();
  const diverged = new Map<string, { to: string; current: Reading | null }>();
  for (const id of ids) {
    const own = byProposal.get(id);
    if (!own) throw new Error(`proposal ${id} not found`);
    const readings = own.filter((row) => row.id !== null).map(toReading);
    const days = changed.get(id);
    if (!days) {
      resolved.set(id, { own, loaded: readings, ...resolveProposalHistory(readings) });
      continue;
    }
    const before = (reading: Reading, day: string) => reading.effectiveDate === null || reading.effectiveDate < day;
    const earlier = readings.filter((reading) => before(reading, days.from)).sort(readingOrder);
    const later = readings.filter((reading) => reading.effectiveDate !== null && reading.effectiveDate > days.to).sort(readingOrder);
    const window = readings.filter((reading) => !earlier.includes(reading) && !later.includes(reading));
    const { accepted, current } = resolveProposalHistory(window, earlier.at(-1) ?? null);
    // where the stored marks leave the history after the last day (the new readings are not marked)
    const stored = [...earlier, ...window.filter((reading) => reading.accepted)].sort(readingOrder).at(-1) ?? null;
    if (current?.status === stored?.status) {
      resolved.set(id, { own, loaded: window, accepted: [...earlier, ...accepted, ...later], current: later.at(-1) ?? current });
    } else {
      resolved.set(id, { own, loaded: window, accepted: [...earlier, ...accepted], current });
      diverged.set(id, { to: days.to, current });
    }
  }
  if (diverged.size) {
    // the readings after the last day of the proposals whose history those days moved, resolved from there
    const rest = groupBy(
      await preparedQuery<ReadingRow>(
        manager,
        `${READINGS}
         FROM unnest($1::uuid[], $2::date[]) AS q(id, to_date) JOIN proposal p ON p.id = q.id
         JOIN proposal_status_change c ON c.proposal_id = p.id AND c.effective_date > q.to_date`,
        [[...diverged.keys()], [...diverged.values()].map((d) => d.to)],
      ),
    );
    for (const [id, { current }] of diverged) {
      const readings = (rest.get(id) ?? []).map(toReading);
      const entry = resolved.get(id)!;
      const after = resolveProposalHistory(readings, current);
      entry.loaded.push(...readings);
      entry.accepted.push(...after.accepted);
      entry.current = after.current;
    }
  }
  const flipped: string[] = [];
  const updates = { ids: [] as string[], statuses: [] as ProposalStatus[], dates: [] as (string | null)[], origins: [] as (string | null)[] };
  for (const [id, { own, loaded, accepted, current }] of resolved) {
    const before = own[0].proposal_status;
    const acceptedIds = new Set(accepted.map((reading) => reading.id));
    // Only the readings whose mark changes are written, and the proposal itself.
    flipped.push(...loaded.filter((reading) => reading.accepted !== acceptedIds.has(reading.id)).map((reading) => reading.id));
    const origin = accepted.find((reading) => reading.meetingId)?.meetingId ?? own[0].origin_meeting_id;
    if (current && (current.status !== before || current.effectiveDate !== own[0].proposal_date || origin !== own[0].origin_meeting_id)) {
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

/** Rows by proposal, in the order read. */
function groupBy(rows: readonly ReadingRow[]): Map<string, ReadingRow[]> {
  const byProposal = new Map<string, ReadingRow[]>();
  for (const row of rows) {
    const list = byProposal.get(row.proposal_id);
    if (list) list.push(row);
    else byProposal.set(row.proposal_id, [row]);
  }
  return byProposal;
}
