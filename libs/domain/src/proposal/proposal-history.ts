import type { EntityManager } from 'typeorm';
import { resolveProposalHistory } from '../lifecycle/proposal-lifecycle.js';
import type { ProposalStatus } from '../shared/vocabulary.js';
import { Proposal } from './proposal.entity.js';
import { ProposalStatusChange } from './proposal-status-change.entity.js';

/**
 * Re-derives a proposal's history and current status from every reading of it (reports and analysts),
 * marks which readings form the history, and stores the result. Returns the status before and after.
 */
export async function applyProposalHistory(
  manager: EntityManager,
  proposalId: string,
): Promise<{ before: ProposalStatus; after: ProposalStatus }> {
  const proposal = await manager.findOneByOrFail(Proposal, { id: proposalId });
  const readings = await manager.find(ProposalStatusChange, { where: { proposalId } });
  const { accepted, current } = resolveProposalHistory(
    readings.map((reading) => ({ ...reading, byAnalyst: reading.apiKeyId !== null })),
  );
  await manager.query(`UPDATE proposal_status_change SET accepted = (id = ANY($2)) WHERE proposal_id = $1`, [
    proposalId,
    accepted.map((reading) => reading.id),
  ]);
  if (!current) return { before: proposal.status, after: proposal.status };
  await manager.update(Proposal, proposalId, {
    status: current.status,
    statusDate: current.effectiveDate,
    originMeetingId: accepted.find((reading) => reading.meetingId)?.meetingId ?? proposal.originMeetingId,
    version: () => 'version + 1',
  });
  return { before: proposal.status, after: current.status };
}
