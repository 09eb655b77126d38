import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../shared/request-context.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the entry in the caller's transaction, so an undone change leaves no audit trace. */
  async record(ctx: RequestContext, manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.save(
      manager.create(AuditEntry, {
        apiKeyId: ctx.caller?.keyId ?? null,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId ?? null,
        before: record.before ?? null,
        after: record.after ?? null,
      }),
    );
  }

  list(_ctx: RequestContext, options: { limit: number; offset: number }): Promise<[AuditEntry[], number]> {
    return this.dataSource.getRepository(AuditEntry).findAndCount({
      order: { at: 'DESC', id: 'DESC' },
      take: options.limit,
      skip: options.offset,
    });
  }
}
