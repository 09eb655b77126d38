import { COUNTRY_CODE_SHAPE as ISO_ALPHA2, OPEN_FOLLOW_UP_STATUSES, sqlList } from '@dyad/vocabulary';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertKnownCountries } from '../country/country.service.js';
import { estimatedDueDate, checkFollowUpTransition } from '../lifecycle/follow-up-lifecycle.js';
import { assertDate, todayInTehran } from '../lifecycle/dates.js';
import { DomainError } from '../shared/domain.error.js';
import { getEntityOrThrow, lockForEdit, pagedRows } from '../shared/entity-helpers.js';
import { followUpConditions, followUpCountFromRollups, whereClause } from '../shared/filter-sql.js';
import { assertCooperationFilter, type FollowUpFilter } from '../shared/filters.js';
import type { Page, PageOf } from '../shared/page.js';
import type { RequestContext } from '../shared/request-context.js';
import { PartyLocks, partySetKey, withPartyLocks } from '../shared/party-locks.js';
import { SqlParams } from '../shared/sql.js';
import { FOLLOW_UP_HORIZONS, FOLLOW_UP_STATUSES, type FollowUpHorizon, type FollowUpStatus } from '../shared/vocabulary.js';
import { FollowUpAction } from './follow-up-action.entity.js';
import { FollowUpOwner } from './follow-up-owner.entity.js';
import { FollowUpRepository } from './follow-up.repository.js';

export interface NewFollowUp {
  description: string;
  owners: string[];
  horizon: FollowUpHorizon;
  dueDate?: string | null;
  meetingId?: string | null;
  proposalId?: string | null;
}

export interface FollowUpPatch {
  status?: FollowUpStatus | null;
  description?: string | null;
  horizon?: FollowUpHorizon | null;
  /** null clears it; undefined leaves it. */
  dueDate?: string | null;
  owners?: string[] | null;
  note?: string | null;
}


function checkOwners(owners: string[]): string[] {
  const unique = [...new Set(owners)].sort();
  if (!unique.length) throw DomainError.invalid('a follow-up needs at least one owner country', { field: 'owners' });
  const bad = unique.filter((code) => !ISO_ALPHA2.test(code));
  if (bad.length) throw DomainError.invalid(`owners must be ISO alpha-2 codes in upper case: ${bad.join(', ')}`, { field: 'owners' });
  return unique;
}

function checkDescription(description: string): string {
  const trimmed = description.trim();
  if (!trimmed || trimmed.length > 2000) throw DomainError.invalid('description must be 1 to 2000 characters', { field: 'description' });
  return trimmed;
}

@Injectable()
export class FollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(_ctx: RequestContext, filter: FollowUpFilter | null | undefined, page: Page): Promise<PageOf<FollowUpAction>> {
    assertCooperationFilter(filter);
    const params = new SqlParams();
    const today = todayInTehran();
    // Overdue first, then by due date (undated last), so the list reads as a to-do list. The first key changes
    // the order only when open and closed follow-ups are listed together: among open ones alone the overdue are
    // those due first anyway, a closed one is never overdue, and with `overdue` set the key is the same for all.
    // Elsewhere the page is the first entries of a due-date index (the board's columns, one status each). Where it
    // does matter, the overdue ones and the others are each read in due-date order, as many as the page could take
    // of each, and only those are sorted, instead of every follow-up the filter keeps (409,684 at 1M).
    const byDue = 'f.due_date ASC NULLS LAST, f.id';
    const statuses = filter?.statuses?.length ? filter.statuses : FOLLOW_UP_STATUSES;
    const isOpen = (status: FollowUpStatus) => (OPEN_FOLLOW_UP_STATUSES as readonly FollowUpStatus[]).includes(status);
    const overdueFirst = filter?.overdue == null && statuses.some(isOpen) && !statuses.every(isOpen);
    // one statement: the page's rows, and the count from the rollups when they hold it
    const count = followUpCountFromRollups(filter, params);
    const conditions = followUpConditions(filter, 'f', params, today);
    const pageIds = overdueFirst
      ? (limit: string, offset: string) => {
          const overdue = `coalesce(f.due_date < ${params.param(today)}::date, false) AND f.status IN ${sqlList(OPEN_FOLLOW_UP_STATUSES)}`;
          const part = (key: number, condition: string) =>
            `(SELECT f.id, ${key} AS k, f.due_date FROM follow_up_action f ${whereClause([...conditions, condition])}
              ORDER BY ${byDue} LIMIT ${limit}::int + ${offset}::int)`;
          return `SELECT x.id FROM (${part(0, overdue)} UNION ALL ${part(1, `NOT (${overdue})`)}) x
            ORDER BY x.k, x.due_date NULLS LAST, x.id LIMIT ${limit} OFFSET ${offset}`;
        }
      : null;
    const { rows, total } = await pagedRows(this.dataSource.manager, FollowUpAction, { alias: 'f', orderBy: byDue }, conditions, params, page, { count, pageIds });
    return { nodes: rows.map((row) => row.entity), total };
  }

  get(_ctx: RequestContext, id: string): Promise<FollowUpAction> {
    return getEntityOrThrow(this.dataSource.manager, FollowUpAction, 'follow-up', id);
  }

  /** Adds an analyst's follow-up inside the caller's transaction, which holds the lock on its owner set (see MeetingService.logOutcome). */
  async createIn(manager: EntityManager, ctx: RequestContext, input: NewFollowUp, from: string): Promise<FollowUpAction> {
    if (!FOLLOW_UP_HORIZONS.includes(input.horizon)) throw DomainError.invalid(`unknown horizon ${input.horizon}`, { field: 'horizon' });
    if (input.dueDate != null) assertDate(input.dueDate, 'dueDate');
    const owners = checkOwners(input.owners);
    await assertKnownCountries(manager, owners, 'owners');
    const dueDate = input.dueDate ?? estimatedDueDate(input.horizon, from);
    const id = await new FollowUpRepository(manager).create(
      {
        description: checkDescription(input.description),
        horizon: input.horizon,
        dueDate,
        dueDateEstimated: input.dueDate == null && dueDate !== null,
        meetingId: input.meetingId ?? null,
        proposalId: input.proposalId ?? null,
        owners,
      },
      { status: 'OPEN', effectiveDate: todayInTehran(), apiKeyId: ctx.caller?.keyId ?? null, meetingId: input.meetingId ?? null, note: 'added by an analyst' },
    );
    const followUp = await manager.findOneByOrFail(FollowUpAction, { id });
    await this.audit.record(ctx, manager, {
      action: 'followUp.create',
      entityType: 'FollowUp',
      entityId: followUp.id,
      after: { description: followUp.description, owners, horizon: followUp.horizon, dueDate: followUp.dueDate },
    });
    return followUp;
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, patch: FollowUpPatch): Promise<FollowUpAction> {
    // The follow-up's owner set (and the new one) exclusively, as ingestion takes it when it adds or closes one.
    const locks = async (manager: EntityManager) => {
      const locks = new PartyLocks();
      for (const owners of [...(await new FollowUpRepository(manager).ownerSets([id])), patch.owners ?? []]) {
        if (owners.length) locks.exclusive(partySetKey(owners));
      }
      return locks;
    };
    return withPartyLocks(this.dataSource, locks, async (manager) => {
      const followUp = await lockForEdit(manager, FollowUpAction, 'follow-up', id, expectedVersion);
      const before = describe(followUp, await this.ownersOf(manager, id));
      if (patch.status != null) {
        if (!FOLLOW_UP_STATUSES.includes(patch.status)) throw DomainError.invalid(`unknown status ${patch.status}`, { field: 'status' });
        const verdict = checkFollowUpTransition(followUp.status, patch.status);
        if (!verdict.allowed) throw DomainError.invalid(`${followUp.status} → ${patch.status} is not allowed: ${verdict.reason}`, { field: 'status' });
        await new FollowUpRepository(manager).addChange(id, {
          status: patch.status,
          effectiveDate: todayInTehran(),
          apiKeyId: ctx.caller?.keyId ?? null,
          note: patch.note?.trim() || null,
        });
        followUp.status = patch.status;
      }
      if (patch.description != null) followUp.description = checkDescription(patch.description);
      if (patch.horizon != null) {
        if (!FOLLOW_UP_HORIZONS.includes(patch.horizon)) throw DomainError.invalid(`unknown horizon ${patch.horizon}`, { field: 'horizon' });
        followUp.horizon = patch.horizon;
      }
      if (patch.dueDate !== undefined) {
        if (patch.dueDate !== null) assertDate(patch.dueDate, 'dueDate');
        followUp.dueDate = patch.dueDate;
        followUp.dueDateEstimated = false;
      }
      let owners = before.owners;
      if (patch.owners != null) {
        owners = checkOwners(patch.owners);
        await assertKnownCountries(manager, owners, 'owners');
        await new FollowUpRepository(manager).setOwners(id, owners);
      }
      const { owners: _owners, ...columns } = followUp as FollowUpAction & { owners?: unknown };
      void _owners;
      const saved = await manager.save(FollowUpAction, { ...columns, version: followUp.version });
      const after = describe(saved, owners);
      await this.audit.record(ctx, manager, { action: 'followUp.update', entityType: 'FollowUp', entityId: id, before, after });
      return manager.findOneByOrFail(FollowUpAction, { id });
    });
  }

  private async ownersOf(manager: EntityManager, id: string): Promise<string[]> {
    return (await manager.find(FollowUpOwner, { where: { followUpId: id }, order: { countryCode: 'ASC' } })).map((o) => o.countryCode);
  }

}

const describe = (followUp: FollowUpAction, owners: string[]) => ({
  description: followUp.description,
  status: followUp.status,
  horizon: followUp.horizon,
  dueDate: followUp.dueDate,
  owners,
  version: followUp.version,
});
