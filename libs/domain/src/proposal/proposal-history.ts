import type { EntityManager } from 'typeorm';
import { resolveProposalHistory } from '../lifecycle/proposal-lifecycle.js';
import { preparedQuery } from '../shared/prepared-query.js';
import type { ProposalStatus } from '../shared/vocabulary.js';

interface ReadingRow {
  id: string;
  status: ProposalStatus;
  effective_date: string | null;
  meeting_id: string | null;
  api_key_id: string | null;
  recorded_at: string;
  accepted: boolean;
  proposal_status: ProposalStatus;
  origin_meeting_id: string | null;
}

/**
 * Re-derives a proposal's history and current status from every reading of it (reports and analysts),
 * marks which readings form the history, and stores the result: one read and one write. Returns the status
 * before and after.
 */
export async function applyProposalHistory(
  manager: EntityManager,
  proposalId: string,
): Promise<{ before: ProposalStatus; after: ProposalStatus }> {
  const rows = await preparedQuery<ReadingRow>(
    manager,
    `SELECT c.id, c.status, c.effective_date::text AS effective_date, c.meeting_id, c.api_key_id, c.recorded_at, c.accepted,
            p.status AS proposal_status, p.origin_meeting_id
     FROM proposal p LEFT JOIN proposal_status_change c ON c.proposal_id = p.id WHERE p.id = $1`,
    [proposalId],
  );
  if (!rows.length) throw new Error(`proposal ${proposalId} not found`);
  const before = rows[0].proposal_status;
  const readings = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id, status: row.status, effectiveDate: row.effective_date, meetingId: row.meeting_id, accepted: row.accepted,
      byAnalyst: row.api_key_id !== null, recordedAt: new Date(row.recorded_at),
    }));
  const { accepted, current } = resolveProposalHistory(readings);
  const acceptedIds = accepted.map((reading) => reading.id);
  const flipped = readings.filter((reading) => reading.accepted !== acceptedIds.includes(reading.id)).map((reading) => reading.id);
  if (!current) {
    if (flipped.length) await preparedQuery(manager, `UPDATE proposal_status_change SET accepted = NOT accepted WHERE id = ANY($1)`, [flipped]);
    return { before, after: before };
  }
  // Only the readings whose mark changes are written, and the proposal itself.
  await preparedQuery(
    manager,
    `WITH marks AS (UPDATE proposal_status_change SET accepted = NOT accepted WHERE id = ANY($5::uuid[]))
     UPDATE proposal SET status = $2, status_date = $3, origin_meeting_id = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    [proposalId, current.status, current.effectiveDate, accepted.find((reading) => reading.meetingId)?.meetingId ?? rows[0].origin_meeting_id, flipped],
  );
  return { before, after: current.status };
}
