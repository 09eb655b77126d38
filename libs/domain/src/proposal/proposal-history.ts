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

/**
 * applyProposalHistory for several proposals at once: one read and at most one write for all of them.
 *
 * `changedFrom`: for a proposal whose only new readings are dated on or after a day (an ingested item's), that day.
 * Only its readings from that day on are read and resolved again, from the status its history stands at before it:
 * readings are resolved in date order, so the marks of the earlier ones, stored by the resolution before, stay as
 * they are, and the history's readings before that day (the accepted ones) give where it stands. A proposal
 * reported again and again is then not read whole at each report (at 1,000,000 meetings, the bench's own proposals
 * gathered hundreds of readings each). Without a day, every reading is read (an analyst's edit, a reading with no
 * date, which comes first).
 */
export async function applyProposalHistories(
  manager: EntityManager,
  proposalIds: readonly string[],
  changedFrom: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, { before: ProposalStatus; after: ProposalStatus }>> {
  const result = new Map<string, { before: ProposalStatus; after: ProposalStatus }>();
  if (!proposalIds.length) return result;
  const ids = [...new Set(proposalIds)];
  const rows = await preparedQuery<ReadingRow>(
    manager,
    `SELECT p.id AS proposal_id, c.id, c.status, c.effective_date::text AS effective_date, c.meeting_id, c.api_key_id, c.recorded_at, c.accepted,
            p.status AS proposal_status, p.status_date::text AS proposal_date, p.origin_meeting_id
     FROM unnest($1::uuid[], $2::date[]) AS q(id, from_date) JOIN proposal p ON p.id = q.id
     LEFT JOIN proposal_status_change c ON c.proposal_id = p.id AND (q.from_date IS NULL OR c.effective_date >= q.from_date OR c.accepted)`,
    [ids, ids.map((id) => changedFrom.get(id) ?? null)],
  );
  const byProposal = new Map<string, ReadingRow[]>();
  for (const row of rows) {
    const list = byProposal.get(row.proposal_id);
    if (list) list.push(row);
    else byProposal.set(row.proposal_id, [row]);
  }
  const flipped: string[] = [];
  const updates = { ids: [] as string[], statuses: [] as ProposalStatus[], dates: [] as (string | null)[], origins: [] as (string | null)[] };
  for (const id of ids) {
    const own = byProposal.get(id);
    if (!own) throw new Error(`proposal ${id} not found`);
    const before = own[0].proposal_status;
    const readings = own
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id!, status: row.status, effectiveDate: row.effective_date, meetingId: row.meeting_id, accepted: row.accepted,
        byAnalyst: row.api_key_id !== null, recordedAt: new Date(row.recorded_at),
      }));
    // the history before the day from which readings are resolved again (all of them without one), and the rest
    const from = changedFrom.get(id);
    const isEarlier = (reading: (typeof readings)[number]) => from !== undefined && (reading.effectiveDate === null || reading.effectiveDate < from);
    const earlier = readings.filter(isEarlier).sort(readingOrder);
    const again = readings.filter((reading) => !isEarlier(reading));
    const resolved = resolveProposalHistory(again, earlier.at(-1) ?? null);
    const accepted = [...earlier, ...resolved.accepted];
    const current = resolved.current;
    const acceptedIds = new Set(accepted.map((reading) => reading.id));
    // Only the readings whose mark changes are written, and the proposal itself.
    flipped.push(...again.filter((reading) => reading.accepted !== acceptedIds.has(reading.id)).map((reading) => reading.id));
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
