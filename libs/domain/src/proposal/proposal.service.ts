import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertDate, todayInTehran } from '../lifecycle/dates.js';
import { checkProposalTransition } from '../lifecycle/proposal-lifecycle.js';
import { DomainError } from '../shared/domain.error.js';
import { getEntityOrThrow, lockForEdit, pagedRows } from '../shared/entity-helpers.js';
import { proposalConditions, proposalCountFromRollups } from '../shared/filter-sql.js';
import { assertCooperationFilter, type ProposalFilter } from '../shared/filters.js';
import type { Page, PageOf } from '../shared/page.js';
import type { RequestContext } from '../shared/request-context.js';
import { PartyLocks, partySetKey, withPartyLocks } from '../shared/party-locks.js';
import { SqlParams } from '../shared/sql.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../shared/vocabulary.js';
import { applyProposalHistory } from './proposal-history.js';
import { Proposal } from './proposal.entity.js';
import { ProposalRepository } from './proposal.repository.js';
import { ProposalStatusChange } from './proposal-status-change.entity.js';

export interface SetProposalStatusInput {
  proposalId: string;
  expectedVersion: number;
  status: ProposalStatus;
  /** When it took effect; today (Tehran) by default. */
  effectiveDate?: string | null;
  note?: string | null;
  /** Required for a change the lifecycle rules refuse (backwards, out of COMPLETED or WITHDRAWN). */
  overrideReason?: string | null;
  meetingId?: string | null;
}

@Injectable()
export class ProposalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(_ctx: RequestContext, filter: ProposalFilter | null | undefined, page: Page): Promise<PageOf<Proposal>> {
    assertCooperationFilter(filter);
    const params = new SqlParams();
    // one statement: the page's rows, and the count from the rollups when they hold it
    const count = proposalCountFromRollups(filter, params);
    const { rows, total } = await pagedRows(
      this.dataSource.manager,
      Proposal,
      { alias: 'p', orderBy: 'p.status_date DESC NULLS LAST, p.id' },
      proposalConditions(filter, 'p', params),
      params,
      page,
      { count },
    );
    return { nodes: rows.map((row) => row.entity), total };
  }

  get(_ctx: RequestContext, id: string): Promise<Proposal> {
    return getEntityOrThrow(this.dataSource.manager, Proposal, 'proposal', id);
  }

  /** An analyst's status change: checked against the lifecycle rules unless an override reason is given. */
  async setStatus(ctx: RequestContext, input: SetProposalStatusInput): Promise<Proposal> {
    // The proposal's party set exclusively, as ingestion takes it when a report mentions the proposal.
    const locks = async (manager: EntityManager) => {
      const locks = new PartyLocks();
      for (const parties of await new ProposalRepository(manager).partySets([input.proposalId])) locks.exclusive(partySetKey(parties));
      return locks;
    };
    return withPartyLocks(this.dataSource, locks, (manager) => this.setStatusIn(manager, ctx, input));
  }

  /**
   * The same, inside a caller's transaction (logging a meeting outcome changes several proposals at once), which
   * holds the lock on the proposal's party set.
   */
  async setStatusIn(manager: EntityManager, ctx: RequestContext, input: SetProposalStatusInput): Promise<Proposal> {
    // An analyst's reading is marked by the key that made it; that is what lets it override the rules.
    if (!ctx.caller) throw DomainError.invalid('a status change needs an analyst key');
    if (!PROPOSAL_STATUSES.includes(input.status)) throw DomainError.invalid(`unknown status ${input.status}`, { field: 'status' });
    const effectiveDate = input.effectiveDate ?? todayInTehran();
    assertDate(effectiveDate, 'effectiveDate');
    const proposal = await lockForEdit(manager, Proposal, 'proposal', input.proposalId, input.expectedVersion);
    const overrideReason = input.overrideReason?.trim() || null;
    const verdict = checkProposalTransition(proposal.status, input.status);
    if (!verdict.allowed && !overrideReason) {
      throw DomainError.invalid(`${proposal.status} → ${input.status} is not allowed (${verdict.reason}); give an overrideReason to make it anyway`, {
        field: 'status',
      });
    }
    if (proposal.status === input.status) throw DomainError.invalid(`the proposal is already ${input.status}`, { field: 'status' });
    const before = { status: proposal.status, statusDate: proposal.statusDate, version: proposal.version };
    await manager.insert(ProposalStatusChange, {
      proposalId: proposal.id,
      status: input.status,
      effectiveDate,
      apiKeyId: ctx.caller?.keyId ?? null,
      meetingId: input.meetingId ?? null,
      note: input.note?.trim() || null,
      overrideReason,
      accepted: false,
    });
    await applyProposalHistory(manager, proposal.id);
    let after = await manager.findOneByOrFail(Proposal, { id: proposal.id });
    // Every accepted edit moves the version, also one the history resolves to the status and date already shown: a
    // second edit made from the same reading must get CONFLICT, not apply twice.
    if (after.version === proposal.version) {
      await manager.increment(Proposal, { id: proposal.id }, 'version', 1);
      after = await manager.findOneByOrFail(Proposal, { id: proposal.id });
    }
    await this.audit.record(ctx, manager, {
      action: 'proposal.setStatus',
      entityType: 'Proposal',
      entityId: proposal.id,
      before,
      after: { status: after.status, statusDate: after.statusDate, version: after.version, overrideReason, note: input.note ?? null },
    });
    return after;
  }
}
